package nl.startpakket.billing;

import static nl.startpakket.platform.testing.HttpFuzzer.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import nl.startpakket.events.Phase;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.platform.testing.HttpFuzzer;
import nl.startpakket.platform.testing.HttpFuzzer.Endpoint;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Fuzzes every endpoint of the billing API (contracts, amendments, invoices, credit notes, the
 * hold queue, audit, dead letters) with seeded, reproducible inputs ({@code -Dfuzz.seed},
 * {@code -Dfuzz.inputs} per endpoint): only 2xx and 4xx, every 4xx problem+json, and afterwards
 * the contract it hammered still keeps its cap and reconciles to the cent. The count of inputs is
 * written to {@code target/fuzz-report-billing.txt}.
 */
@ServiceIntegrationTest
@ActiveProfiles({"test", "demo"})
class BillingApiFuzzIT {

    /** The demo accounts check cost-10 password hashes on every request: fewer inputs than elsewhere, same variety. */
    static final int PER_ENDPOINT = HttpFuzzer.INPUTS_PER_ENDPOINT / 2;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyEndpointAnswersOnly2xxOr4xxProblemsAndTheContractStillReconciles() throws Exception {
        Random values = new Random(SEED);
        // a municipality of its own: no other test's contract can take its referrals
        String municipality = BillingServiceIT.newMunicipality();
        String contractId = "c-fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> terms = BillingServiceIT.withEInvoiceRecipient(BillingServiceIT.contractBody(municipality, 4,
                "1000.00"), contractId);
        assertThat(coordinator().exchange("/api/v1/contracts/" + contractId, HttpMethod.PUT, BillingServiceIT.json(terms),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            referrals.add(BillingServiceIT.accept(municipality, i % 2 == 0 ? Phase.BABY : Phase.TODDLER));
        }
        for (int i = 0; i < 2; i++) {
            String referralId = referrals.get(i);
            awaitFunded(contractId, referralId);
            TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId,
                    municipality, i % 2 == 0 ? Phase.BABY : Phase.TODDLER, LocalDate.of(2026, 3, 20)));
        }
        await().atMost(TIMEOUT).until(() -> usage(contractId).get("delivered").asInt() == 2);
        ResponseEntity<JsonNode> issued = finance().exchange("/api/v1/contracts/" + contractId + "/invoices", HttpMethod.POST,
                BillingServiceIT.json(Map.of("periodEnd", "2026-03-31")), JsonNode.class);
        assertThat(issued.getStatusCode().is2xxSuccessful()).as(String.valueOf(issued.getBody())).isTrue();
        String invoiceId = issued.getBody().get("invoiceId").asText();

        Supplier<String> coordinator = () -> HttpFuzzer.basic("coordinator", "coordinator");
        Supplier<String> finance = () -> HttpFuzzer.basic("finance", "finance");
        Supplier<String> volunteer = () -> HttpFuzzer.basic("volunteer", "volunteer");
        Supplier<String> evaluator = () -> HttpFuzzer.basic("evaluator-huizen", "evaluator-huizen");
        List<Supplier<String>> notStaffOfBilling = List.of(volunteer, evaluator);
        List<Supplier<String>> notFinance = List.of(coordinator, volunteer, evaluator);

        Map<String, Supplier<String>> contract = Map.of("contractId",
                () -> values.nextInt(5) == 0 ? "c-fuzz-other-" + values.nextInt(3) : contractId);
        Map<String, Supplier<String>> invoice = Map.of("invoiceId", () -> values.nextInt(5) == 0 ? "INV-none" : invoiceId);

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/contracts", Map.of(), Map.of(), null, coordinator, notStaffOfBilling),
                new Endpoint("PUT", "/api/v1/contracts/{contractId}", contract, Map.of(), () -> terms, finance, notStaffOfBilling),
                new Endpoint("GET", "/api/v1/contracts/{contractId}", contract, Map.of(), null, finance, notStaffOfBilling),
                new Endpoint("GET", "/api/v1/contracts/{contractId}/held", contract, Map.of(), null, coordinator, notStaffOfBilling),
                new Endpoint("GET", "/api/v1/contracts/{contractId}/amendments", contract, Map.of(), null, coordinator,
                        notStaffOfBilling),
                new Endpoint("GET", "/api/v1/contracts/{contractId}/reconciliation", contract, Map.of(), null, finance,
                        notStaffOfBilling),
                new Endpoint("POST", "/api/v1/contracts/{contractId}/amendments", contract, Map.of(),
                        () -> Map.of("maxPackages", 4 + values.nextInt(3), "reason", "fuzz " + values.nextInt(100)), finance,
                        notStaffOfBilling),
                new Endpoint("POST", "/api/v1/contracts/{contractId}/invoices", contract, Map.of(),
                        () -> Map.of("periodEnd", values.nextBoolean() ? "2026-03-31" : "2026-04-30"), finance, notFinance),
                new Endpoint("GET", "/api/v1/invoices", Map.of(), Map.of("municipality", List.of(municipality, "GM0406")), null,
                        finance, notStaffOfBilling),
                new Endpoint("GET", "/api/v1/invoices/{invoiceId}", invoice, Map.of(), null, finance, notStaffOfBilling),
                new Endpoint("POST", "/api/v1/invoices/{invoiceId}/credit-notes", invoice, Map.of(),
                        () -> Map.of("reason", "fuzz credit " + values.nextInt(100)), finance, notFinance),
                new Endpoint("GET", "/api/v1/held-referrals", Map.of(), Map.of(), null, coordinator, notStaffOfBilling),
                new Endpoint("GET", "/api/v1/audit", Map.of(),
                        Map.of("actor", List.of("finance", "system"), "subject", List.of(contractId), "limit", List.of("1", "500")),
                        null, coordinator, List.of(volunteer, finance)),
                new Endpoint("GET", "/api/v1/dead-letters", Map.of(),
                        Map.of("topic", List.of("startpakket.referral.v1", "startpakket.fulfilment.v1"), "limit", List.of("1", "10")),
                        null, coordinator, List.of(volunteer, finance)),
                new Endpoint("POST", "/api/v1/dead-letters/{topic}/{partition}/{offset}/replay",
                        Map.of("topic", () -> values.nextBoolean() ? "startpakket.referral.v1" : "startpakket.fulfilment.v1",
                                "partition", () -> Integer.toString(values.nextInt(4)), "offset", () -> Integer.toString(values.nextInt(3))),
                        Map.of(), null, coordinator, List.of(volunteer, finance)));

        HttpFuzzer fuzzer = new HttpFuzzer("http://localhost:" + port, SEED);
        HttpFuzzer.Report report = fuzzer.run(endpoints, PER_ENDPOINT, outcome -> { });

        report.publishAndAssertNoViolations("billing-service", "billing", SEED, "");

        JsonNode after = coordinator().getForObject("/api/v1/contracts/" + contractId, JsonNode.class);
        JsonNode usage = after.get("usage");
        assertThat(usage.get("reserved").asLong() + usage.get("delivered").asLong())
                .as("the cap holds: %s", after).isLessThanOrEqualTo(after.get("maxPackages").asLong());
        assertThat(usage.get("delivered").asInt()).isEqualTo(2);
        JsonNode reconciliation = finance().getForObject("/api/v1/contracts/" + contractId + "/reconciliation", JsonNode.class);
        assertThat(reconciliation.get("balanced").asBoolean()).as("reconciles after the fuzz: %s", reconciliation).isTrue();
    }

    /** Waits for the referral's funding; if it does not come, says where the referral stands instead. */
    void awaitFunded(String contractId, String referralId) {
        try {
            TopicProbe.await(FundingReserved.class, e -> e.referralId().equals(referralId), TIMEOUT);
        } catch (AssertionError notFunded) {
            throw new AssertionError(notFunded.getMessage() + " for " + referralId + "; contract " + contractId + ": "
                    + coordinator().getForObject("/api/v1/contracts/" + contractId, String.class) + "; held: "
                    + coordinator().getForObject("/api/v1/held-referrals", String.class), notFunded);
        }
    }

    JsonNode usage(String contractId) {
        return coordinator().getForObject("/api/v1/contracts/" + contractId, JsonNode.class).get("usage");
    }

    TestRestTemplate coordinator() {
        return http.withBasicAuth("coordinator", "coordinator");
    }

    TestRestTemplate finance() {
        return http.withBasicAuth("finance", "finance");
    }

}
