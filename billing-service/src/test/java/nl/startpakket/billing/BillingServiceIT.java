package nl.startpakket.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static nl.startpakket.billing.web.EInvoiceAssertions.assertPassesTheOfficialRules;
import static nl.startpakket.billing.web.EInvoiceAssertions.assertServedAndPassesTheOfficialRules;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.billing.config.DemoContracts;
import nl.startpakket.billing.query.InvoiceQueries;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.municipalities.Municipality;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.testing.FormSession;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TestIdentityProvider;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@ServiceIntegrationTest
@ActiveProfiles({"test", "demo"})
class BillingServiceIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final LocalDate REFERRAL_DATE = LocalDate.of(2026, 3, 2);

    @Autowired
    TestRestTemplate http;
    @Autowired
    InvoiceQueries invoices;

    @Test
    void shouldReserveFundingWhenAReferralIsAcceptedUnderAContract() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 10, "1000.00");
        String referralId = accept(municipality, Phase.BABY);

        FundingReserved reserved = TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);

        assertThat(reserved.contractId()).isEqualTo(contractId);
        assertThat(reserved.municipality()).isEqualTo(municipality);
        assertThat(reserved.phase()).isEqualTo(Phase.BABY);
    }

    @Test
    void shouldHoldOverTheCapAndFundWhenAnAmendmentAddsRoom() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 1, null);
        String first = accept(municipality, Phase.BABY);
        TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(first), TIMEOUT);
        String second = accept(municipality, Phase.TODDLER);

        FundingOnHold held = TopicProbe.await(FundingOnHold.class, e -> e.referralId().equals(second), TIMEOUT);
        assertThat(held.reason()).isEqualTo("CAP_REACHED");
        assertThat(held.contractId()).isEqualTo(contractId);
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("onHold", 1).containsEntry("remaining", 0));
        ResponseEntity<java.util.List<Map<String, Object>>> queue = coordinator().exchange(
                "/api/v1/contracts/" + contractId + "/held", HttpMethod.GET, null, LIST);
        assertThat(queue.getBody()).singleElement().satisfies(held1 -> assertThat(held1)
                .containsEntry("position", 1).containsEntry("referralId", second).containsEntry("reason", "CAP_REACHED"));
        Map<String, Object> contract = coordinator().exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null, MAP)
                .getBody();
        assertThat(contract.get("warnings").toString()).contains("thresholdPercent=100");

        ResponseEntity<Map<String, Object>> amended = coordinator().exchange("/api/v1/contracts/" + contractId + "/amendments",
                HttpMethod.POST, json(Map.of("maxPackages", 2, "reason", "Consulted the municipality")), MAP);
        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);

        FundingReserved released = TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(second), TIMEOUT);
        assertThat(released.contractId()).isEqualTo(contractId);
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("reserved", 2).containsEntry("onHold", 0));

        String trail = coordinator().getForObject("/api/v1/audit?subject=" + contractId, String.class);
        assertThat(trail).as("the coordinator's acts are in the audit trail").contains("register-contract").contains("amend-contract")
                .contains("Consulted the municipality");
    }

    @Test
    void shouldRecordABillableLineAtTheContractPriceWhenDeliveredOnlyOnce() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 125, "10000.00");
        String referralId = accept(municipality, Phase.BABY);
        TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);

        PackageDelivered delivered = new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId,
                municipality, Phase.BABY, LocalDate.of(2026, 3, 20));
        TopicProbe.publish(delivered);
        // the same fact again under another event id, as a producer's retry after a crash might send it
        TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId,
                municipality, Phase.BABY, LocalDate.of(2026, 3, 20)));

        BillableLineRecorded line = TopicProbe.await(BillableLineRecorded.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("80.00"));
        assertThat(line.amount().scale()).isEqualTo(2);
        assertThat(line.contractId()).isEqualTo(contractId);
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("delivered", 1).containsEntry("reserved", 0));
        assertThat(TopicProbe.events(BillableLineRecorded.class,
                TopicProbe.readAll(nl.startpakket.events.Topics.BILLING, Duration.ofSeconds(1))))
                .filteredOn(e -> e.referralId().equals(referralId)).hasSize(1);
    }

    @Test
    void shouldIssueTheSameInvoiceForTheSamePeriodAndCorrectItByACreditNote() throws Exception {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 125, "10000.00");
        deliverOne(municipality, contractId, Phase.TODDLER);

        ResponseEntity<Map<String, Object>> first = issueInvoice(contractId, "2026-03-31");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("total", "80.00").containsEntry("lineCount", 1)
                .containsEntry("buyerReference", contractId).containsEntry("periodEnd", "2026-03-31");
        String invoiceId = (String) first.getBody().get("invoiceId");
        String number = (String) first.getBody().get("number");
        assertThat(number).matches("\\d{4}-\\d{5}");

        ResponseEntity<Map<String, Object>> again = issueInvoice(contractId, "2026-03-31");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("invoiceId", invoiceId).containsEntry("number", number);

        org.springframework.http.HttpHeaders xmlAccept = new org.springframework.http.HttpHeaders();
        xmlAccept.setAccept(java.util.List.of(MediaType.APPLICATION_XML));
        ResponseEntity<byte[]> xml = finance().exchange("/api/v1/invoices/" + invoiceId, HttpMethod.GET,
                new HttpEntity<>(xmlAccept), byte[].class);
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        com.helger.diagnostics.error.list.ErrorList errors = new com.helger.diagnostics.error.list.ErrorList();
        var ubl = com.helger.ubl21.UBL21Marshaller.invoice().setCollectErrors(errors)
                .read(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(xml.getBody())));
        assertThat(errors.getAllErrors()).isEmpty();
        assertThat(ubl.getIDValue()).isEqualTo(number);
        assertServedAndPassesTheOfficialRules(xml.getBody(), invoices.invoice(invoiceId).orElseThrow());

        org.springframework.http.HttpHeaders pdfAccept = new org.springframework.http.HttpHeaders();
        pdfAccept.setAccept(java.util.List.of(MediaType.APPLICATION_PDF));
        ResponseEntity<byte[]> pdf = finance().exchange("/api/v1/invoices/" + invoiceId, HttpMethod.GET,
                new HttpEntity<>(pdfAccept), byte[].class);
        assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        ResponseEntity<Map<String, Object>> credit = finance().exchange("/api/v1/invoices/" + invoiceId + "/credit-notes",
                HttpMethod.POST, json(Map.of("reason", "Wrong purchase order number")), MAP);
        assertThat(credit.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(credit.getBody()).containsEntry("kind", "CREDIT_NOTE").containsEntry("total", "-80.00")
                .containsEntry("precedingInvoiceNumber", number);
        assertPassesTheOfficialRules(invoices.invoice((String) credit.getBody().get("invoiceId")).orElseThrow());

        ResponseEntity<Map<String, Object>> reissued = issueInvoice(contractId, "2026-03-31");
        assertThat(reissued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reissued.getBody().get("invoiceId")).isNotEqualTo(invoiceId);

        ResponseEntity<java.util.List<Map<String, Object>>> list = finance().exchange(
                "/api/v1/invoices?municipality=" + municipality, HttpMethod.GET, null, LIST);
        assertThat(list.getBody()).extracting(i -> i.get("total")).containsExactly("80.00", "-80.00", "80.00");
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("invoicedAmount", "80.00"));
        Map<String, Object> reconciliation = finance().exchange("/api/v1/contracts/" + contractId + "/reconciliation",
                HttpMethod.GET, null, MAP).getBody();
        assertThat(reconciliation).containsEntry("balanced", true).containsEntry("deliveredPackages", 1)
                .containsEntry("invoicedLines", 1).containsEntry("creditNotes", 1);

        ResponseEntity<Map<String, Object>> nothing = issueInvoice(contractId, "2026-04-30");
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<String> coordinatorMayNotIssue = http.withBasicAuth("coordinator", "coordinator").exchange(
                "/api/v1/contracts/" + contractId + "/invoices", HttpMethod.POST, json(Map.of()), String.class);
        assertThat(coordinatorMayNotIssue.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldKeepAReferralWithoutContractOnHoldAndFundItWhenAContractArrives() {
        String municipality = newMunicipality();
        String referralId = accept(municipality, Phase.BABY);
        FundingOnHold held = TopicProbe.await(FundingOnHold.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(held.reason()).isEqualTo("NO_CONTRACT");
        assertThat(held.contractId()).isNull();

        String contractId = registerContract(municipality, 5, null);

        FundingReserved reserved = TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(reserved.contractId()).isEqualTo(contractId);
    }

    @Test
    void shouldReleaseTheReservationWhenTheReferralIsCancelled() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 5, null);
        String referralId = accept(municipality, Phase.BABY);
        TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);

        TopicProbe.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), referralId, municipality, Phase.BABY,
                REFERRAL_DATE, "NO_LONGER_NEEDED"));

        FundingReleased released = TopicProbe.await(FundingReleased.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(released.contractId()).isEqualTo(contractId);
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("reserved", 0).containsEntry("remaining", 5));
    }

    @Test
    void shouldAnswerTheContractWithItsTermsAndUsage() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 125, "10000.00");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            ResponseEntity<Map<String, Object>> response = coordinator().exchange("/api/v1/contracts/" + contractId,
                    HttpMethod.GET, null, MAP);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).containsEntry("municipality", municipality)
                    .containsEntry("maxPackages", 125).containsEntry("budget", "10000.00")
                    .containsEntry("pricePerPackage", Map.of("BABY", "80.00", "TODDLER", "80.00"));
            @SuppressWarnings("unchecked")
            Map<String, Object> usage = (Map<String, Object>) response.getBody().get("usage");
            assertThat(usage).containsEntry("reserved", 0).containsEntry("delivered", 0).containsEntry("onHold", 0)
                    .containsEntry("remaining", 125).containsEntry("invoicedAmount", "0.00")
                    .containsEntry("forecastCapReachedOn", null);
        });
    }

    /** The id of the demo contract of the municipality registered today (the year rule: DemoContractsTest). */
    static String demoContract(String municipality) {
        return DemoContracts.inForceOn(LocalDate.now(nl.startpakket.platform.ServicePlatformConfiguration.ZONE)).stream()
                .filter(c -> c.terms().municipality().equals(municipality)).findFirst().orElseThrow().contractId();
    }

    @Test
    void shouldHaveTheDemoContractsOfTheDesignInForceToday() {
        String huizenId = demoContract("GM0406");
        String heerlenId = demoContract("GM0917");
        String huizenYear = huizenId.substring("huizen-".length());
        String year = heerlenId.substring("heerlen-".length());
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Map<String, Object> huizen = coordinator().exchange("/api/v1/contracts/" + huizenId, HttpMethod.GET, null, MAP)
                    .getBody();
            assertThat(huizen).containsEntry("municipality", "GM0406").containsEntry("maxPackages", 125)
                    .containsEntry("budget", "10000.00").containsEntry("validFrom", huizenYear + "-02-01")
                    .containsEntry("pricePerPackage", Map.of("BABY", "80.00", "TODDLER", "80.00"));
            Map<String, Object> heerlen = coordinator().exchange("/api/v1/contracts/" + heerlenId, HttpMethod.GET, null, MAP)
                    .getBody();
            assertThat(heerlen).containsEntry("municipality", "GM0917").containsEntry("maxPackages", null)
                    .containsEntry("validFrom", year + "-01-01").containsEntry("validTo", year + "-12-31")
                    .containsEntry("pricePerPackage", Map.of("BABY", "50.00", "TODDLER", "50.00"));
        });
    }

    @Test
    void shouldKeepInvoiceRecipientAndVatWithTheContract() {
        String municipality = newMunicipality();
        String contractId = "c-vat-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = contractBody(municipality, 10, null);
        body.put("invoiceRecipient", Map.of("name", "Gemeente Test", "buyerReference", "PO-123", "city", "Teststad"));
        body.put("vat", Map.of("category", "S", "rate", "21"));
        assertThat(putContract(contractId, body).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Map<String, Object> contract = coordinator().exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null, MAP)
                    .getBody();
            assertThat(contract.get("vat").toString()).contains("category=S").contains("rate=21.00");
            assertThat(contract.get("invoiceRecipient").toString()).contains("buyerReference=PO-123");
        });

        body.put("vat", Map.of("category", "E", "rate", "0"));
        ResponseEntity<Map<String, Object>> noText = putContract(contractId, body);
        assertThat(noText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldAnswerTheSameContractWhenPutTwiceAndConflictWhenTheTermsDiffer() {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 10, null);
        assertThat(putContract(contractId, contractBody(municipality, 10, null)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> conflict = putContract(contractId, contractBody(municipality, 11, null));
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseInvalidTermsAsProblemJson() {
        Map<String, Object> body = contractBody("Huizen", -1, null);
        ResponseEntity<Map<String, Object>> response = putContract("bad-terms", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").toString()).contains("municipality").contains("maxPackages");
    }

    @Test
    void shouldRefuseAContractForAMergedMunicipalityNamingItsSuccessor() {
        ResponseEntity<Map<String, Object>> merged = putContract("c-merged", contractBody("GM0398", 10, null));
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(merged.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(merged.getBody().get("errors")).asList().containsExactly(Map.of("field", "municipality",
                "message", "GM0398 Heerhugowaard became part of GM1980 Dijk en Waard on 2022-01-01."));

        ResponseEntity<Map<String, Object>> unknown = putContract("c-unknown", contractBody("GM9999", 10, null));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("errors").toString()).contains("municipality")
                .contains("GM9999 is not a municipality in the CBS list of 2023-01-01.");
    }

    @Test
    void shouldAddressTheDefaultInvoiceRecipientByTheOfficialName() {
        String municipality = newMunicipality();
        String contractId = "c-default-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(putContract(contractId, contractBody(municipality, 10, null)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String name = MunicipalityRegister.shipped().nameOf(municipality).orElseThrow();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(coordinator()
                .exchange("/api/v1/contracts/" + contractId, HttpMethod.GET, null, MAP).getBody().get("invoiceRecipient").toString())
                .contains("name=Gemeente " + name));
    }

    @Test
    void shouldRefuseAnonymousAndVolunteerRequests() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/v1/contracts/" + demoContract("GM0406"), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> volunteer = http.withBasicAuth("volunteer", "volunteer")
                .exchange("/api/v1/contracts/x-1", HttpMethod.PUT, json(contractBody("GM0406", 1, null)), String.class);
        assertThat(volunteer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldShowTheContractPagesAfterSigningInAtTheIdentityProviderInDutchAndInEnglish() throws Exception {
        String base = http.getRootUri();
        assertThat(FormSession.anonymous(base).get("/contracts").uri().getPath()).as("sent to the provider")
                .isEqualTo("/oauth2/authorize");

        FormSession finance = FormSession.signIn(base, "finance", "finance");
        java.net.http.HttpResponse<String> contracts = finance.get("/contracts");
        assertThat(contracts.statusCode()).isEqualTo(200);
        assertThat(contracts.body()).contains("Contracten met gemeenten").contains(demoContract("GM0406")).contains("<svg class=\"bar\"")
                .contains("Huizen (GM0406)").contains("Heerlen (GM0917)");

        assertThat(finance.get("/contracts?lang=en").body()).contains("Municipal contracts").contains("Remaining");

        java.net.http.HttpResponse<String> detail = finance.get("/contracts/" + demoContract("GM0406"));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Referrals waiting for funding").contains("Issue invoice").contains("Reconciliation")
                .contains("Huizen (GM0406)");

        assertThat(finance.get("/held?lang=nl").body()).contains("Verwijzingen in de wachtrij");
        java.net.http.HttpResponse<String> invoices = finance.get("/invoices");
        assertThat(invoices.statusCode()).isEqualTo(200);
        assertThat(invoices.body()).contains("Facturen");
    }

    @Test
    void shouldEndAPageSessionWhenTheIdentityProviderNoLongerRenewsIt() throws Exception {
        // tokens of a second: each page request renews the session at the provider
        TestIdentityProvider.get().register(new TestIdentityProvider.Account("finance-leaving", "finance-leaving",
                java.util.List.of("FINANCE"), null), java.time.Duration.ofSeconds(1));
        String base = http.getRootUri();
        FormSession leaving = FormSession.signIn(base, "finance-leaving", "finance-leaving");
        assertThat(leaving.get("/contracts").uri().getPath()).as("renewed").isEqualTo("/contracts");

        TestIdentityProvider.get().disable("finance-leaving");
        java.net.http.HttpResponse<String> refused = leaving.get("/contracts");
        assertThat(refused.uri().getPath()).as("renewal refused: the session ended, the page asks to sign in again")
                .isEqualTo("/login");
        assertThat(refused.body()).contains("href=\"/oauth2/authorization/startpakket\"");
    }

    @Test
    void shouldRefuseTheInvoiceOfAContractWithoutElectronicAddressNamingTheRuleAndDrawNoNumber() throws Exception {
        String municipality = newMunicipality();
        String contractId = "c-no-endpoint-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = contractBody(municipality, 10, null);
        body.put("invoiceRecipient", Map.of("name", "Gemeente Test", "street", "Postbus 1", "postalCode", "1000 AA",
                "city", "Teststad", "buyerReference", contractId));
        assertThat(putContract(contractId, body).getStatusCode()).as("registered without electronic address")
                .isEqualTo(HttpStatus.OK);
        deliverOne(municipality, contractId, Phase.BABY);

        ResponseEntity<Map<String, Object>> refused = issueInvoice(contractId, "2026-03-31");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("type", "urn:startpakket:problem:einvoice-rules")
                .containsEntry("title", "Refused by the official e-invoice rules");
        assertThat((String) refused.getBody().get("detail")).contains("PEPPOL-EN16931-R010 Buyer electronic address MUST be provided");
        List<?> violations = (List<?>) refused.getBody().get("violations");
        assertThat(violations.stream().map(v -> String.valueOf(((Map<?, ?>) v).get("rule"))).toList())
                .containsExactly("PEPPOL-EN16931-R010", "BR-NL-10");
        assertThat(((Map<?, ?>) violations.get(0)).get("hint").toString())
                .contains("endpointScheme 0190");
        assertThat(finance().exchange("/api/v1/invoices?municipality=" + municipality, HttpMethod.GET, null, LIST).getBody())
                .as("nothing issued").isEmpty();
        assertNumbersOfEachYearRunFromOne();

        FormSession pages = FormSession.signIn(http.getRootUri(), "finance", "finance");
        String page = pages.get("/contracts/" + contractId).body();
        java.net.http.HttpResponse<String> refusedPage = pages.post("/contracts/" + contractId + "/invoices",
                Map.of("periodEnd", "2026-03-31"), page);
        assertThat(refusedPage.body()).contains("Factuur niet gemaakt").contains("id=\"rule-failures\"")
                .contains("PEPPOL-EN16931-R010 Buyer electronic address MUST be provided");

        // the coordinator adds the electronic address: the same terms registered again with the complete recipient
        assertThat(putContract(contractId, withEInvoiceRecipient(contractBody(municipality, 10, null), contractId))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(coordinator().exchange("/api/v1/contracts/" + contractId,
                HttpMethod.GET, null, MAP).getBody().get("invoiceRecipient").toString()).contains("endpointScheme=0190"));
        ResponseEntity<Map<String, Object>> issued = issueInvoice(contractId, "2026-03-31");
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertPassesTheOfficialRules(invoices.invoice((String) issued.getBody().get("invoiceId")).orElseThrow());
        assertNumbersOfEachYearRunFromOne();
    }

    @Test
    void shouldRefuseAPeriodThatHasNotEndedNamingTheLastDayThatCanBeInvoiced() {
        String contractId = registerContract(newMunicipality(), 10, null);
        LocalDate today = LocalDate.now(nl.startpakket.platform.ServicePlatformConfiguration.ZONE);

        ResponseEntity<Map<String, Object>> refused = issueInvoice(contractId, today.toString());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("detail", "Only a period that has ended can be invoiced: periodEnd must "
                + "lie before today (" + today + "): the last day that can be invoiced is " + today.minusDays(1) + ".");
    }

    @Test
    void shouldRefuseAnElectronicAddressWithoutItsScheme() {
        Map<String, Object> body = contractBody(newMunicipality(), 10, null);
        body.put("invoiceRecipient", Map.of("name", "Gemeente Test", "buyerReference", "REF-1",
                "endpointId", "00000001000000001000"));

        ResponseEntity<Map<String, Object>> refused = putContract("c-half-endpoint", body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("type", "urn:startpakket:problem:invalid-endpoint");
    }

    @Test
    void shouldNeverBillAnImportedPackageThatWasInvoicedBeforeStartpakketAndBillOneThatWasNot() throws Exception {
        String municipality = newMunicipality();
        String contractId = registerContract(municipality, 125, "10000.00");
        String importId = "I-" + "ab".repeat(32);
        String invoicedThen = "R-" + UUID.randomUUID();
        String notInvoiced = "R-" + UUID.randomUUID();
        String neverDelivered = "R-" + UUID.randomUUID();
        String beforeAnyContract = "R-" + UUID.randomUUID();
        for (var row : java.util.List.of(
                new HistoricReferralImported(UUID.randomUUID(), Instant.now(), invoicedThen, municipality, Phase.BABY,
                        IntermediaryType.MUNICIPALITY, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 5), true, importId),
                new HistoricReferralImported(UUID.randomUUID(), Instant.now(), notInvoiced, municipality, Phase.TODDLER,
                        IntermediaryType.MUNICIPALITY, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 3, 6), false, importId),
                new HistoricReferralImported(UUID.randomUUID(), Instant.now(), neverDelivered, municipality, Phase.BABY,
                        IntermediaryType.MUNICIPALITY, LocalDate.of(2026, 2, 4), null, false, importId),
                new HistoricReferralImported(UUID.randomUUID(), Instant.now(), beforeAnyContract, municipality, Phase.BABY,
                        IntermediaryType.MUNICIPALITY, LocalDate.of(2021, 2, 4), LocalDate.of(2021, 3, 1), false, importId))) {
            TopicProbe.publish(row);
            TopicProbe.publish(row); // redelivered: changes nothing
        }

        BillableLineRecorded line = TopicProbe.await(BillableLineRecorded.class, e -> e.referralId().equals(notInvoiced), TIMEOUT);
        assertThat(line.contractId()).isEqualTo(contractId);
        assertThat(line.deliveredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("delivered", 1).containsEntry("reserved", 0));

        ResponseEntity<Map<String, Object>> invoice = issueInvoice(contractId, "2026-03-31");
        assertThat(invoice.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(invoice.getBody()).containsEntry("lineCount", 1).containsEntry("total", "80.00");
        assertThat(invoice.getBody().get("lines").toString()).contains(notInvoiced).doesNotContain(invoicedThen, neverDelivered,
                beforeAnyContract);
        var billing = TopicProbe.readAll(nl.startpakket.events.Topics.BILLING, Duration.ofSeconds(1));
        assertThat(TopicProbe.events(BillableLineRecorded.class, billing)).extracting(BillableLineRecorded::referralId)
                .doesNotContain(invoicedThen, neverDelivered, beforeAnyContract).containsOnlyOnce(notInvoiced);
        // history asks for no funding slot: nothing is queued for the volunteers
        assertThat(TopicProbe.events(FundingReserved.class, TopicProbe.readAll(nl.startpakket.events.Topics.FUNDING,
                Duration.ofMillis(500)))).extracting(FundingReserved::referralId)
                .doesNotContain(invoicedThen, notInvoiced, neverDelivered, beforeAnyContract);
    }

    /** A referral of the phase, funded under the contract and delivered on 20 March 2026: one line to invoice. */
    void deliverOne(String municipality, String contractId, Phase phase) {
        String referralId = accept(municipality, phase);
        TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);
        TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId,
                municipality, phase, LocalDate.of(2026, 3, 20)));
        awaitUsage(contractId, usage -> assertThat(usage).containsEntry("delivered", 1));
    }

    ResponseEntity<Map<String, Object>> issueInvoice(String contractId, String periodEnd) {
        return finance().exchange("/api/v1/contracts/" + contractId + "/invoices", HttpMethod.POST,
                json(Map.of("periodEnd", periodEnd)), MAP);
    }

    /** All numbers issued so far, per year, are 1..n: a refused invoice took none. */
    void assertNumbersOfEachYearRunFromOne() {
        Map<String, List<Integer>> byYear = new java.util.HashMap<>();
        finance().exchange("/api/v1/invoices", HttpMethod.GET, null, LIST).getBody().stream()
                .map(i -> (String) i.get("number"))
                .forEach(n -> byYear.computeIfAbsent(n.substring(0, 4), y -> new java.util.ArrayList<>())
                        .add(Integer.parseInt(n.substring(5))));
        byYear.values().forEach(sequence -> assertThat(sequence.stream().sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequence.size()).boxed().toList()));
    }

    // --- helpers

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<java.util.List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    TestRestTemplate finance() {
        return http.withBasicAuth("finance", "finance");
    }

    TestRestTemplate coordinator() {
        return http.withBasicAuth("coordinator", "coordinator");
    }

    /**
     * A current municipality no other test of this JVM has had, and none of the demo contracts
     * (GM0406, GM0917): a test's contract takes only its own referrals.
     */
    static synchronized String newMunicipality() {
        return UNUSED_MUNICIPALITIES.next();
    }

    private static final java.util.Iterator<String> UNUSED_MUNICIPALITIES = MunicipalityRegister.shipped().all().stream()
            .map(Municipality::code).filter(code -> !code.equals("GM0406") && !code.equals("GM0917")).toList().iterator();

    static Map<String, Object> contractBody(String municipality, Integer maxPackages, String budget) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("municipality", municipality);
        body.put("validFrom", "2026-02-01");
        body.put("validTo", "2027-01-31");
        body.put("pricePerPackage", Map.of("BABY", "80.00", "TODDLER", "80.00"));
        body.put("maxPackages", maxPackages);
        body.put("budget", budget);
        body.put("invoicePeriod", "MONTHLY");
        return body;
    }

    /**
     * The body with an invoice recipient that has what e-invoices need: postal address, the
     * contract id as buyer reference, an OIN (0190) as electronic address (of the demo's form).
     */
    static Map<String, Object> withEInvoiceRecipient(Map<String, Object> body, String contractId) {
        String municipality = (String) body.get("municipality");
        body.put("invoiceRecipient", Map.of("name", "Gemeente " + MunicipalityRegister.shipped().nameOrCode(municipality),
                "street", "Postbus 1", "postalCode", "1000 AA", "city", "Teststad", "buyerReference", contractId,
                "endpointScheme", "0190", "endpointId", DemoContracts.demoOin(municipality)));
        return body;
    }

    String registerContract(String municipality, Integer maxPackages, String budget) {
        String contractId = "c-" + municipality.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> response = putContract(contractId,
                withEInvoiceRecipient(contractBody(municipality, maxPackages, budget), contractId));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return contractId;
    }

    ResponseEntity<Map<String, Object>> putContract(String contractId, Map<String, Object> body) {
        return coordinator().exchange("/api/v1/contracts/" + contractId, HttpMethod.PUT, json(body), MAP);
    }

    static <T> HttpEntity<T> json(T body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    static String accept(String municipality, Phase phase) {
        String referralId = "R-" + UUID.randomUUID();
        TopicProbe.publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referralId, "verloskundige-test",
                IntermediaryType.MIDWIFE, municipality, phase, REFERRAL_DATE, DeliveryMethod.HOME_DELIVERY, true,
                phase == Phase.BABY ? 20 : null));
        return referralId;
    }

    @SuppressWarnings("unchecked")
    void awaitUsage(String contractId, java.util.function.Consumer<Map<String, Object>> check) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ResponseEntity<Map<String, Object>> response = coordinator().exchange("/api/v1/contracts/" + contractId,
                    HttpMethod.GET, null, MAP);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            check.accept((Map<String, Object>) response.getBody().get("usage"));
        });
    }
}
