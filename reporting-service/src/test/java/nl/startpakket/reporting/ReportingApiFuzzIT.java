package nl.startpakket.reporting;

import static nl.startpakket.platform.testing.HttpFuzzer.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import nl.startpakket.platform.testing.HttpFuzzer;
import nl.startpakket.platform.testing.HttpFuzzer.Endpoint;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Fuzzes every endpoint of the reporting API (reports, evaluations, exports, rebuild status,
 * audit, dead letters) with seeded, reproducible inputs ({@code -Dfuzz.seed}, {@code -Dfuzz.inputs}
 * per endpoint): only 2xx and 4xx, every 4xx problem+json, and the reports still answer afterwards.
 * Starting a rebuild is not an endpoint of its own here (it has its own tests), but a fuzzed
 * method can start one: the test waits for it to finish so the next test class reads settled
 * projections. The count of inputs is written to
 * {@code target/fuzz-report-reporting.txt}.
 */
@ServiceIntegrationTest
class ReportingApiFuzzIT {

    static final int PER_ENDPOINT = HttpFuzzer.INPUTS_PER_ENDPOINT / 2;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyEndpointAnswersOnly2xxOr4xxProblemsAndTheReportsStillAnswer() throws Exception {
        Random values = new Random(SEED);
        Supplier<String> coordinator = () -> HttpFuzzer.basic("coordinator", "coordinator");
        Supplier<String> huizen = () -> HttpFuzzer.basic("evaluator-huizen", "evaluator-huizen");
        Supplier<String> heerlen = () -> HttpFuzzer.basic("evaluator-heerlen", "evaluator-heerlen");
        Supplier<String> finance = () -> HttpFuzzer.basic("finance", "finance");
        Supplier<String> viewerOfHuizen = () -> values.nextBoolean() ? huizen.get() : coordinator.get();
        List<Supplier<String>> others = List.of(heerlen, finance);
        List<Supplier<String>> notCoordinator = List.of(huizen, finance);

        Map<String, Supplier<String>> code = Map.of("code", () -> values.nextInt(5) == 0 ? "GM0917" : "GM0406");
        Map<String, List<String>> period = Map.of("from", List.of("2026-01-01", "2026-03-01", "2027-01-01"),
                "to", List.of("2026-12-31", "2026-03-31", "2025-01-01"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/reports/municipalities/{code}", code, period, null, viewerOfHuizen, others),
                new Endpoint("GET", "/api/v1/reports/municipalities/{code}/evaluation", code, period, null, viewerOfHuizen, others),
                new Endpoint("GET", "/api/v1/reports/municipalities", Map.of(), period, null, coordinator, notCoordinator),
                new Endpoint("GET", "/api/v1/reports/municipalities/{code}/export.csv", code, period, null, viewerOfHuizen, others),
                new Endpoint("GET", "/api/v1/reports/municipalities/{code}/export.xlsx", code, period, null, viewerOfHuizen, others),
                new Endpoint("GET", "/api/v1/reports/municipalities/{code}/report.pdf", code, period, null, viewerOfHuizen, others),
                new Endpoint("GET", "/api/v1/reports/rebuild", Map.of(), Map.of(), null, coordinator, notCoordinator),
                new Endpoint("GET", "/api/v1/audit", Map.of(),
                        Map.of("actor", List.of("coordinator", "system"), "limit", List.of("1", "500")), null, coordinator,
                        notCoordinator),
                new Endpoint("GET", "/api/v1/dead-letters", Map.of(),
                        Map.of("topic", List.of("startpakket.referral.v1", "startpakket.billing.v1"), "limit", List.of("1", "10")),
                        null, coordinator, notCoordinator),
                new Endpoint("POST", "/api/v1/dead-letters/{topic}/{partition}/{offset}/replay",
                        Map.of("topic", () -> values.nextBoolean() ? "startpakket.referral.v1" : "startpakket.billing.v1",
                                "partition", () -> Integer.toString(values.nextInt(4)), "offset", () -> Integer.toString(values.nextInt(3))),
                        Map.of(), null, coordinator, notCoordinator));

        HttpFuzzer fuzzer = new HttpFuzzer("http://localhost:" + port, SEED);
        HttpFuzzer.Report report = fuzzer.run(endpoints, PER_ENDPOINT, outcome -> { });

        report.publishAndAssertNoViolations("reporting-service", "reporting", SEED, "");

        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(http.withBasicAuth("coordinator", "coordinator")
                .getForObject("/api/v1/reports/rebuild", JsonNode.class).path("state").asText()));
        ResponseEntity<JsonNode> after = http.withBasicAuth("evaluator-huizen", "evaluator-huizen")
                .getForEntity("/api/v1/reports/municipalities/GM0406", JsonNode.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(after.getBody().get("municipality").asText()).isEqualTo("GM0406");
    }

}
