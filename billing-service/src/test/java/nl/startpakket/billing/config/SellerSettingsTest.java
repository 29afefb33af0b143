package nl.startpakket.billing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import nl.startpakket.billing.api.SellerParty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class SellerSettingsTest {

    static BillingProperties.Seller real() {
        BillingProperties.Seller seller = new BillingProperties.Seller();
        seller.setStreet("Havenstraat 12");
        seller.setPostalCode("1271 AD");
        seller.setCity("Huizen");
        seller.setChamberOfCommerce("90123456");
        seller.setVatNumber("NL001234567B01");
        seller.setIban("NL20 INGB 0001 2345 67");
        seller.setEmail("facturen@babystartpakket.nl");
        return seller;
    }

    static BillingProperties.Seller real(Consumer<BillingProperties.Seller> change) {
        BillingProperties.Seller seller = real();
        change.accept(seller);
        return seller;
    }

    @Test
    void shouldTakeTheFoundationsDetailsWithItsKvkNumberAsElectronicAddress() {
        SellerParty seller = SellerSettings.resolve(real(), false);

        assertThat(seller.chamberOfCommerce()).isEqualTo("90123456");
        assertThat(seller.iban()).isEqualTo("NL20INGB0001234567");
        assertThat(seller.endpointScheme()).isEqualTo("0106");
        assertThat(seller.endpointId()).isEqualTo("90123456");
    }

    @Test
    void shouldFillWhatIsUnsetWithDemoValuesOfTheRightFormUnderProfileDemo() {
        SellerParty seller = SellerSettings.resolve(new BillingProperties.Seller(), true);

        assertThat(seller.chamberOfCommerce()).matches("\\d{8}");
        assertThat(seller.vatNumber()).matches("NL\\d{9}B\\d{2}");
        assertThat(SellerSettings.validIban(seller.iban())).isTrue();
        assertThat(seller.iban()).isEqualTo("NL91ABNA0417164300");
        assertThat(seller.endpointId()).isEqualTo(seller.chamberOfCommerce());
        assertThat(SellerSettings.resolve(real(), true)).as("what is set stays").isEqualTo(SellerSettings.resolve(real(), false));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(quoteCharacter = '"', value = {
            "iban, \"\", startpakket.billing.seller.iban is not set: set it (environment variable STARTPAKKET_BILLING_SELLER_IBAN) or run with profile demo",
            "iban, NL00BANK0123456789, startpakket.billing.seller.iban is NL00BANK0123456789, not an IBAN with a valid check sum",
            "iban, NL91ABNA0417164300, startpakket.billing.seller.iban is the demo value NL91ABNA0417164300",
            "chamber-of-commerce, 00000000, startpakket.billing.seller.chamber-of-commerce is 00000000, not the foundation's KvK number of 8 digits",
            "chamber-of-commerce, 1234, startpakket.billing.seller.chamber-of-commerce is 1234, not the foundation's KvK number",
            "vat-number, \"\", \"startpakket.billing.seller.vat-number is not set: set it (environment variable STARTPAKKET_BILLING_SELLER_VATNUMBER)\"",
            "vat-number, NL12345678, \"startpakket.billing.seller.vat-number is NL12345678, not the foundation's VAT number, e.g. NL123456789B01\"",
            "street, \"\", startpakket.billing.seller.street is not set",
            "street, Voorbeeldstraat 1, startpakket.billing.seller.street is the demo value Voorbeeldstraat 1"})
    void shouldRefuseToStartOutsideTheDemoWithAMissingMalformedOrDemoValueNamingTheProperty(String property, String value,
                                                                                             String message) {
        BillingProperties.Seller seller = real(s -> {
            switch (property) {
                case "iban" -> s.setIban(value);
                case "chamber-of-commerce" -> s.setChamberOfCommerce(value);
                case "vat-number" -> s.setVatNumber(value);
                case "street" -> s.setStreet(value);
                default -> throw new IllegalArgumentException(property);
            }
        });

        assertThatThrownBy(() -> SellerSettings.resolve(seller, false))
                .isInstanceOf(SellerSettings.Refused.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((SellerSettings.Refused) e).property())
                        .isEqualTo("startpakket.billing.seller." + property));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BillingProperties.class)
    @Import(InvoicingConfig.class)
    static class Invoicing {
    }

    @Test
    void shouldNotStartWithoutTheSellersDetailsAndSayWhichPropertyInOneLine() {
        new ApplicationContextRunner().withUserConfiguration(Invoicing.class)
                .withPropertyValues("startpakket.billing.seller.street=Havenstraat 12")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new SellerSettingsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("startpakket.billing.seller.postal-code is not set")
                            .doesNotContain("\n");
                });
    }

    @Test
    void shouldStartUnderProfileDemoWithTheDemoValues() {
        new ApplicationContextRunner().withUserConfiguration(Invoicing.class)
                .withPropertyValues("spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed().getBean(SellerParty.class)
                        .satisfies(seller -> assertThat(seller.iban()).isEqualTo("NL91ABNA0417164300")));
    }

    @Test
    void shouldFindTheFailureAnalyzerThatSpringBootUses() {
        assertThat(org.springframework.core.io.support.SpringFactoriesLoader.loadFactoryNames(
                org.springframework.boot.diagnostics.FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(SellerSettingsFailureAnalyzer.class.getName());
    }
}
