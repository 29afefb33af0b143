package nl.startpakket.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.referral.config.ReferralProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class ReferralRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    final ReferralRules rules;

    ReferralRulesTest() {
        rules = new ReferralRules(new ReferralProperties(), MunicipalityRegister.shipped(),
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    }

    static ReferralRequest.ParentRequest parent(String houseNumber, String postalCode) {
        return new ReferralRequest.ParentRequest("A. Jansen", "Voorbeeldstraat", houseNumber, postalCode, "Huizen", null, null);
    }

    static ReferralRequest baby(LocalDate due, ReferralRequest.ParentRequest parent) {
        return new ReferralRequest("GM0406", Phase.BABY, due, null, parent, DeliveryMethod.HOME_DELIVERY, true, null);
    }

    static ReferralRequest babyIn(String municipality) {
        return new ReferralRequest(municipality, Phase.BABY, TODAY.plusWeeks(10), null, parent("12", "1271 AB"),
                DeliveryMethod.HOME_DELIVERY, true, null);
    }

    static ReferralRequest toddler(LocalDate birth) {
        return new ReferralRequest("GM0406", Phase.TODDLER, null, birth, parent("12", "1271 AB"), DeliveryMethod.HOME_DELIVERY, false, null);
    }

    List<String> fields(ReferralRequest request) {
        return rules.check(request).stream().map(FieldError::field).toList();
    }

    @Test
    void shouldAcceptAValidBabyReferral() {
        assertThat(rules.check(baby(TODAY.plusWeeks(20), parent("12a", "1271 AB")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1271 AB", "1271AB", "1271ab", "9999 ZZ"})
    void shouldAcceptDutchPostalCodes(String postalCode) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent("12", postalCode)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0271 AB", "127 AB", "1271 A", "1271 ABC", "1271 SS", "1271 SA", "1271 SD", "AB 1271", "1271-AB"})
    void shouldRefuseWhatIsNotADutchPostalCode(String postalCode) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent("12", postalCode)))).containsExactly("parent.postalCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", "12a", "12 A", "12-2", "12 bis", "99999", "12A-1"})
    void shouldAcceptHouseNumbersWithAdditions(String houseNumber) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent(houseNumber, "1271 AB")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "a12", "123456", "12 abcdefg", "twelve", "-12"})
    void shouldRefuseWhatIsNotAHouseNumber(String houseNumber) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent(houseNumber, "1271 AB")))).containsExactly("parent.houseNumber");
    }

    @Test
    void shouldKeepTheDueDateInsideItsWindow() {
        assertThat(fields(baby(TODAY.minusWeeks(4), parent("12", "1271 AB")))).isEmpty();
        assertThat(fields(baby(TODAY.minusWeeks(4).minusDays(1), parent("12", "1271 AB")))).containsExactly("expectedDueDate");
        assertThat(fields(baby(TODAY.plusWeeks(42), parent("12", "1271 AB")))).isEmpty();
        assertThat(fields(baby(TODAY.plusWeeks(42).plusDays(1), parent("12", "1271 AB")))).containsExactly("expectedDueDate");
    }

    @Test
    void shouldKeepTheToddlerInsideTheAgeWindow() {
        assertThat(fields(toddler(TODAY.minusMonths(3)))).isEmpty();
        assertThat(fields(toddler(TODAY.minusMonths(3).plusDays(1)))).containsExactly("childBirthDate");
        assertThat(fields(toddler(TODAY.minusMonths(24).plusDays(1)))).isEmpty();
        assertThat(fields(toddler(TODAY.minusMonths(24)))).containsExactly("childBirthDate");
        assertThat(fields(toddler(TODAY.plusDays(1)))).containsExactly("childBirthDate");
    }

    @Test
    void shouldAskForThePhasesOwnDate() {
        assertThat(fields(baby(null, parent("12", "1271 AB")))).containsExactly("expectedDueDate");
        assertThat(fields(toddler(null))).containsExactly("childBirthDate");
        ReferralRequest mixed = new ReferralRequest("GM0406", Phase.BABY, TODAY.plusWeeks(10), TODAY.minusMonths(6),
                parent("12", "1271 AB"), DeliveryMethod.HOME_DELIVERY, true, null);
        assertThat(fields(mixed)).containsExactly("childBirthDate");
    }

    @Test
    void shouldRefuseUnknownOrMalformedMunicipalities() {
        assertThat(rules.check(babyIn("GM0001"))).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("referral.municipality.unknown"));
        assertThat(rules.check(babyIn("0406"))).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("referral.municipality.format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GM0406", "GM0917", "GM0344", "GM0518", "GM1992", "GM1980"})
    void shouldAcceptEveryCurrentMunicipalityOfTheCbsList(String code) {
        assertThat(rules.check(babyIn(code))).isEmpty();
        assertThat(rules.isKnownMunicipality(code)).isTrue();
    }

    @Test
    void shouldRefuseMergedMunicipalityNamingItsSuccessor() {
        assertThat(rules.isKnownMunicipality("GM0398")).isFalse();
        assertThat(rules.check(babyIn("GM0398"))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("municipality");
            assertThat(message(e, Locale.ENGLISH))
                    .isEqualTo("GM0398 Heerhugowaard became part of GM1980 Dijk en Waard on 2022-01-01: refer for GM1980.");
            assertThat(message(e, Locale.forLanguageTag("nl")))
                    .isEqualTo("GM0398 Heerhugowaard is op 2022-01-01 opgegaan in GM1980 Dijk en Waard: verwijs voor GM1980.");
        });
    }

    @Test
    void shouldRefuseSplitMunicipalityNamingWhereItsPartsWent() {
        assertThat(rules.check(babyIn("GM0788"))).singleElement().satisfies(e -> assertThat(message(e, Locale.ENGLISH))
                .isEqualTo("GM0788 Haaren was split on 2021-01-01 between GM0757 Boxtel, GM0824 Oisterwijk, GM0855 Tilburg, "
                        + "GM0865 Vught: refer for the municipality the parent lives in now."));
    }

    @Test
    void shouldNameTheEditionWhenTheCodeIsNoMunicipality() {
        assertThat(rules.check(babyIn("GM9999"))).singleElement().satisfies(e -> {
            assertThat(message(e, Locale.ENGLISH)).isEqualTo("GM9999 is not a municipality in the CBS list of 2023.");
            assertThat(message(e, Locale.forLanguageTag("nl"))).isEqualTo("GM9999 is geen gemeente in de CBS-lijst van 2023.");
        });
    }

    static String message(FieldError error, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(error.code(), error.args(), locale);
    }

    @Test
    void shouldListEveryMissingFieldOfAnEmptyRequest() {
        assertThat(fields(new ReferralRequest(null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("municipality", "phase", "parent", "deliveryMethod", "consentFollowUp");
    }
}
