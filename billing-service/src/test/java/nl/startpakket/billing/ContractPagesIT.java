package nl.startpakket.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.startpakket.billing.config.BillingProperties;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.testing.FormSession;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

/** A coordinator registers a municipality's contract in the pages, through the API's validation and command. */
@ServiceIntegrationTest
@ActiveProfiles({"test", "demo"})
class ContractPagesIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    BillingProperties properties;

    @Test
    void shouldRegisterAContractForANewMunicipalityFromTheFormAndShowItWithTheOfficialName() throws Exception {
        FormSession coordinator = FormSession.signIn(http.getRootUri(), "coordinator", "coordinator");
        HttpResponse<String> contracts = coordinator.get("/contracts");
        assertThat(contracts.body()).contains("id=\"new-contract\"").contains("href=\"/contracts/new\"").contains("Nieuw contract");

        HttpResponse<String> form = coordinator.get("/contracts/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"contractId\"", "id=\"municipality\"", "id=\"validFrom\"", "id=\"validTo\"",
                        "id=\"priceBaby\"", "id=\"priceToddler\"", "id=\"maxPackages\"", "id=\"budget\"", "id=\"invoicePeriod\"",
                        "id=\"register-contract\"", "<details id=\"invoice-recipient\"", "<details id=\"vat\"")
                .contains("<option value=\"GM0406\">Huizen (GM0406)</option>")
                .doesNotContain("GM0398").doesNotContain("<script");

        String municipality = BillingServiceIT.newMunicipality();
        String name = MunicipalityRegister.shipped().nameOf(municipality).orElseThrow();
        String contractId = newContractId(municipality);
        Map<String, String> fields = fields(contractId, municipality);
        fields.put("maxPackages", "60");
        fields.put("invoicePeriod", "QUARTERLY");
        HttpResponse<String> registered = coordinator.post("/contracts", fields, form.body());

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.uri().getPath()).isEqualTo("/contracts/" + contractId);
        assertThat(registered.body()).contains("Contract geregistreerd.")
                .contains(HtmlUtils.htmlEscape(contractId + " — " + name + " (" + municipality + ")", "UTF-8"))
                .contains(HtmlUtils.htmlEscape("Gemeente " + name, "UTF-8"));
        Map<String, Object> asApi = coordinatorApi().exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null,
                BillingServiceIT.MAP).getBody();
        assertThat(asApi).containsEntry("municipality", municipality).containsEntry("maxPackages", 60)
                .containsEntry("budget", null).containsEntry("invoicePeriod", "QUARTERLY")
                .containsEntry("validFrom", "2026-02-01").containsEntry("validTo", "2027-01-31")
                .containsEntry("pricePerPackage", Map.of("BABY", "80.00", "TODDLER", "75.50"));
        BillingProperties.DefaultVat vat = properties.getDefaultVat();
        assertThat(asApi.get("vat")).as("the API's default VAT").isEqualTo(Map.of("category", vat.getCategory(),
                "rate", vat.getRatePercent().setScale(2).toPlainString(), "exemptionReason", vat.getExemptionReason()));
    }

    @Test
    void shouldRegisterTheInvoiceRecipientAndVatOfTheCollapsibleSections() throws Exception {
        FormSession finance = FormSession.signIn(http.getRootUri(), "finance", "finance");
        HttpResponse<String> form = finance.get("/contracts/new");
        String municipality = BillingServiceIT.newMunicipality();
        String contractId = newContractId(municipality);
        Map<String, String> fields = fields(contractId, municipality);
        fields.put("budget", "4000,00");
        fields.put("recipientName", "Gemeente Test, afdeling Sociaal Domein");
        fields.put("recipientCity", "Teststad");
        fields.put("buyerReference", "PO-2026-17");
        fields.put("endpointScheme", "0190");
        fields.put("endpointId", "00000001234567890000");
        fields.put("vatCategory", "S");
        fields.put("vatRate", "21");

        assertThat(finance.post("/contracts", fields, form.body()).uri().getPath()).isEqualTo("/contracts/" + contractId);
        Map<String, Object> asApi = coordinatorApi().exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null,
                BillingServiceIT.MAP).getBody();
        assertThat(asApi).containsEntry("budget", "4000.00").containsEntry("maxPackages", null);
        assertThat(asApi.get("invoiceRecipient").toString()).contains("name=Gemeente Test, afdeling Sociaal Domein")
                .contains("buyerReference=PO-2026-17").contains("endpointScheme=0190").contains("countryCode=NL");
        @SuppressWarnings("unchecked")
        Map<String, Object> vat = (Map<String, Object>) asApi.get("vat");
        assertThat(vat).containsEntry("category", "S").containsEntry("rate", "21.00").containsEntry("exemptionReason", null);
    }

    @Test
    void shouldShowEachErrorNextToItsFieldWithTheEnteredValuesInDutchAndInEnglish() throws Exception {
        String contractId = newContractId("gm0398");
        Map<String, String> fields = fields(contractId, "GM0398");
        fields.put("priceBaby", "");
        fields.put("validFrom", "2026-03-01");
        fields.put("validTo", "2026-02-28");
        fields.put("maxPackages", "0");

        FormSession dutch = FormSession.signIn(http.getRootUri(), "coordinator", "coordinator");
        HttpResponse<String> refused = dutch.post("/contracts", fields, dutch.get("/contracts/new").body());
        assertThat(refused.statusCode()).isEqualTo(200);
        String page = refused.body();
        assertThat(page).contains("Het contract is niet geregistreerd");
        assertThat(errorAfter(page, "priceBaby", "priceToddler")).isEqualTo("Vul de prijs per babypakket in.");
        assertThat(errorAfter(page, "validTo", "priceBaby")).isEqualTo("De einddatum ligt vóór de begindatum.");
        assertThat(errorAfter(page, "municipality", "validFrom"))
                .isEqualTo("GM0398 Heerhugowaard is op 2022-01-01 opgegaan in Dijk en Waard (GM1980): kies Dijk en Waard.");
        assertThat(errorAfter(page, "maxPackages", "budget")).isEqualTo("Moet groter zijn dan 0.");
        assertThat(page).doesNotContain("id=\"validFrom-error\"").doesNotContain("id=\"priceToddler-error\"")
                .contains("value=\"" + contractId + "\"").contains("value=\"2026-02-28\"").contains("value=\"75.50\"");

        FormSession english = FormSession.signIn(http.getRootUri(), "coordinator", "coordinator");
        String englishForm = english.get("/contracts/new?lang=en").body();
        assertThat(englishForm).contains("Register a new contract");
        String englishPage = english.post("/contracts", fields, englishForm).body();
        assertThat(errorAfter(englishPage, "priceBaby", "priceToddler")).isEqualTo("Enter the price per baby package.");
        assertThat(errorAfter(englishPage, "validTo", "priceBaby")).isEqualTo("The end date lies before the start date.");
        assertThat(errorAfter(englishPage, "municipality", "validFrom"))
                .isEqualTo("GM0398 Heerhugowaard became part of Dijk en Waard (GM1980) on 2022-01-01: choose Dijk en Waard.");

        assertThat(coordinatorApi().getForEntity("/api/v1/contracts/" + contractId, String.class).getStatusCode())
                .as("nothing registered").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldShowTheContractsRefusalOfAnIdThatExistsWithOtherTermsOnTheForm() throws Exception {
        String municipality = BillingServiceIT.newMunicipality();
        String contractId = newContractId(municipality);
        ResponseEntity<Map<String, Object>> viaApi = coordinatorApi().exchange("/api/v1/contracts/" + contractId, HttpMethod.PUT,
                BillingServiceIT.json(BillingServiceIT.contractBody(municipality, 10, null)), BillingServiceIT.MAP);
        assertThat(viaApi.getStatusCode()).isEqualTo(HttpStatus.OK);

        FormSession coordinator = FormSession.signIn(http.getRootUri(), "coordinator", "coordinator");
        HttpResponse<String> refused = coordinator.post("/contracts", fields(contractId, municipality),
                coordinator.get("/contracts/new").body());
        assertThat(refused.uri().getPath()).isEqualTo("/contracts");
        assertThat(errorAfter(refused.body(), "contractId", "municipality"))
                .isEqualTo("Contract " + contractId + " bestaat al met andere afspraken; wijzig het op de pagina van dat contract.");
        assertThat(coordinatorApi().exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null, BillingServiceIT.MAP)
                .getBody()).containsEntry("maxPackages", 10).as("the terms registered first");
    }

    @Test
    void shouldRefuseTheFormToAVolunteer() throws Exception {
        FormSession volunteer = FormSession.anonymous(http.getRootUri());
        HttpResponse<String> landed = volunteer.signInAt(volunteer.get("/contracts/new"), "volunteer", "volunteer");
        assertThat(landed.uri().getPath()).isEqualTo("/contracts/new");
        assertThat(landed.statusCode()).isEqualTo(403);

        // a form posted with a coordinator's page: refused (by role, and by CSRF, the token not being the volunteer's)
        FormSession coordinator = FormSession.signIn(http.getRootUri(), "coordinator", "coordinator");
        String municipality = BillingServiceIT.newMunicipality();
        String contractId = newContractId(municipality);
        HttpResponse<String> posted = volunteer.post("/contracts", fields(contractId, municipality),
                coordinator.get("/contracts/new").body());
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(coordinatorApi().getForEntity("/api/v1/contracts/" + contractId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- helpers

    TestRestTemplate coordinatorApi() {
        return http.withBasicAuth("coordinator", "coordinator");
    }

    static String newContractId(String municipality) {
        return "p-" + municipality.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid form for the 2026 contract year: BABY € 80, TODDLER € 75.50, no cap, no budget, monthly. */
    static Map<String, String> fields(String contractId, String municipality) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contractId", contractId);
        fields.put("municipality", municipality);
        fields.put("validFrom", "2026-02-01");
        fields.put("validTo", "2027-01-31");
        fields.put("priceBaby", "80.00");
        fields.put("priceToddler", "75.50");
        fields.put("maxPackages", "");
        fields.put("budget", "");
        fields.put("invoicePeriod", "MONTHLY");
        return fields;
    }

    /**
     * The error shown for {@code field}, asserted to stand after the field's input and before the
     * next field's ({@code nextField}): next to its field.
     */
    static String errorAfter(String page, String field, String nextField) {
        Matcher error = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\">([^<]*)</p>").matcher(page);
        assertThat(error.find()).as("an error for " + field).isTrue();
        int input = page.indexOf("id=\"" + field + "\"");
        assertThat(input).as(field + " input").isPositive().isLessThan(error.start());
        assertThat(page.indexOf("id=\"" + nextField + "\"")).as("before " + nextField).isGreaterThan(error.end());
        return HtmlUtils.htmlUnescape(error.group(1));
    }
}
