package nl.startpakket.fulfilment;

import static nl.startpakket.platform.testing.HttpFuzzer.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.platform.testing.HttpFuzzer;
import nl.startpakket.platform.testing.HttpFuzzer.Endpoint;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Fuzzes every endpoint of the fulfilment API (jobs, notices, stock, templates, audit, dead
 * letters) with seeded, reproducible inputs ({@code -Dfuzz.seed}, {@code -Dfuzz.inputs} per
 * endpoint): only 2xx and 4xx, every 4xx problem+json, and the jobs and stock it touched stay in
 * valid states. The count of inputs is printed and written to {@code target/fuzz-report-fulfilment.txt}.
 */
@ServiceIntegrationTest
class FulfilmentApiFuzzIT {

    static final int PER_ENDPOINT = HttpFuzzer.INPUTS_PER_ENDPOINT;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyEndpointAnswersOnly2xxOr4xxProblemsAndLeavesValidState() throws Exception {
        Random values = new Random(SEED);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(queueBabyJob());
        }
        for (String jobId : jobs) {
            await().atMost(TIMEOUT).until(() -> http.withBasicAuth("coordinator", "coordinator")
                    .getForEntity("/api/v1/jobs/" + jobId, String.class).getStatusCode() == HttpStatus.OK);
        }
        List<String> items = List.of("fuzz-item-a", "fuzz-item-b", "fuzz-item-c");
        for (String item : items) {
            assertThat(coordinator(HttpMethod.PUT, "/api/v1/stock/" + item,
                    Map.of("nameNl", "Fuzz " + item, "nameEn", "Fuzz " + item, "category", "fuzz", "reorderLevel", 1))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/templates/fuzz-template", templateBody(values)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        Supplier<String> volunteer = () -> HttpFuzzer.basic("volunteer", "volunteer");
        Supplier<String> volunteer2 = () -> HttpFuzzer.basic("volunteer2", "volunteer2");
        Supplier<String> coordinator = () -> HttpFuzzer.basic("coordinator", "coordinator");
        Supplier<String> finance = () -> HttpFuzzer.basic("finance", "finance");
        Supplier<String> packer = () -> values.nextInt(4) == 0 ? coordinator.get() : volunteer.get();
        List<Supplier<String>> others = List.of(volunteer2, finance, coordinator);
        List<Supplier<String>> othersThanCoordinator = List.of(volunteer, finance);

        Map<String, Supplier<String>> job = Map.of("jobId", () -> jobs.get(values.nextInt(jobs.size())));
        Map<String, Supplier<String>> item = Map.of("itemId", () -> items.get(values.nextInt(items.size())));
        Map<String, List<String>> jobFilters = Map.of("status", List.of("QUEUED", "CLAIMED", "PACKED", "CANCELLED", "QUEUED,CLAIMED"),
                "phase", List.of("BABY", "TODDLER"), "municipality", List.of("GM0406", "GM0917"),
                "deliveryMethod", List.of("HOME_DELIVERY", "PICKUP_BY_INTERMEDIARY"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/jobs", Map.of(), jobFilters, null, packer, others),
                new Endpoint("GET", "/api/v1/jobs/{jobId}", job, Map.of(), null, packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/claim", job, Map.of(), null, packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/release", job, Map.of(), null, packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/packed", job, Map.of(),
                        () -> Map.of("templateId", "fuzz-template", "itemsUsed", List.of(Map.of("itemId", "fuzz-item-a", "quantity", 1))),
                        packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/handed-over", job, Map.of(),
                        () -> Map.of("method", "HOME_DELIVERY", "carrierReference", "3S" + values.nextInt(100000)), packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/delivered", job, Map.of(),
                        () -> Map.of("deliveredOn", LocalDate.now().toString()), packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/exception", job, Map.of(),
                        () -> Map.of("kind", "NOT_REACHABLE", "reason", "fuzz " + values.nextInt()), packer, others),
                new Endpoint("POST", "/api/v1/jobs/{jobId}/resume", job, Map.of(), () -> Map.of("note", "fuzz"), packer, others),
                new Endpoint("GET", "/api/v1/notices", Map.of(), Map.of(), null, volunteer, others),
                new Endpoint("POST", "/api/v1/notices/{noticeId}/dismiss", Map.of("noticeId", () -> UUID.randomUUID().toString()),
                        Map.of(), null, volunteer, others),
                new Endpoint("GET", "/api/v1/stock", Map.of(), Map.of(), null, volunteer, others),
                new Endpoint("PUT", "/api/v1/stock/{itemId}", item, Map.of(),
                        () -> Map.of("nameNl", "Fuzz", "nameEn", "Fuzz", "category", "fuzz", "reorderLevel", values.nextInt(10)),
                        coordinator, othersThanCoordinator),
                new Endpoint("POST", "/api/v1/stock/{itemId}/receipts", item, Map.of(),
                        () -> Map.of("quantity", 1 + values.nextInt(20), "source", "DONATION", "note", "fuzz"), volunteer, others),
                new Endpoint("POST", "/api/v1/stock/{itemId}/counts", item, Map.of(),
                        () -> Map.of("countedQuantity", values.nextInt(500), "note", "fuzz count"), coordinator, othersThanCoordinator),
                new Endpoint("GET", "/api/v1/templates", Map.of(), Map.of("phase", List.of("BABY", "TODDLER")), null, volunteer, others),
                new Endpoint("PUT", "/api/v1/templates/{templateId}", Map.of("templateId", () -> "fuzz-template"), Map.of(),
                        () -> templateBody(values), coordinator, othersThanCoordinator),
                new Endpoint("GET", "/api/v1/audit", Map.of(),
                        Map.of("actor", List.of("volunteer", "system"), "subject", List.of(jobs.get(0)), "limit", List.of("1", "500")),
                        null, coordinator, othersThanCoordinator),
                new Endpoint("GET", "/api/v1/dead-letters", Map.of(),
                        Map.of("topic", List.of("startpakket.funding.v1", "startpakket.delivery.v1"), "limit", List.of("1", "10")),
                        null, coordinator, othersThanCoordinator));
        // a replay reads the dead-letter topic for up to 5 s when nothing is there: fewer inputs, same variety
        List<Endpoint> slowEndpoints = List.of(
                new Endpoint("POST", "/api/v1/dead-letters/{topic}/{partition}/{offset}/replay",
                        Map.of("topic", () -> values.nextBoolean() ? "startpakket.funding.v1" : "startpakket.delivery.v1",
                                "partition", () -> Integer.toString(values.nextInt(4)), "offset", () -> Integer.toString(values.nextInt(3))),
                        Map.of(), null, coordinator, othersThanCoordinator));

        HttpFuzzer fuzzer = new HttpFuzzer("http://localhost:" + port, SEED);
        HttpFuzzer.Report report = fuzzer.run(endpoints, PER_ENDPOINT, outcome -> { });
        fuzzer.run(slowEndpoints, Math.max(1, PER_ENDPOINT / 4), outcome -> { }, report);

        report.publishAndAssertNoViolations("fulfilment-service", "fulfilment", SEED, "");
        Set<JobStatus> known = EnumSet.allOf(JobStatus.class);
        for (String jobId : jobs) {
            JsonNode view = http.withBasicAuth("coordinator", "coordinator").getForObject("/api/v1/jobs/" + jobId, JsonNode.class);
            assertThat(JobStatus.valueOf(view.get("status").asText())).isIn(known);
            assertThat(view.get("jobId").asText()).isEqualTo(jobId);
        }
        JsonNode stock = http.withBasicAuth("coordinator", "coordinator").getForObject("/api/v1/stock", JsonNode.class);
        stock.forEach(line -> assertThat(line.get("onHand").asInt()).as("on hand of %s", line.get("itemId").asText())
                .isGreaterThanOrEqualTo(0));
    }

    Map<String, Object> templateBody(Random values) {
        return Map.of("phase", "BABY", "variant", "NEUTRAL", "name", "Fuzz template " + values.nextInt(100), "sizes", "50/56",
                "lines", List.of(Map.of("itemId", "fuzz-item-a", "quantity", 1), Map.of("itemId", "fuzz-item-b", "quantity", 2)));
    }

    String queueBabyJob() {
        String referralId = "R-" + UUID.randomUUID();
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", Phase.BABY,
                LocalDate.now()));
        TopicProbe.publish(new DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId, "GM0406", Phase.BABY,
                LocalDate.now().plusWeeks(14), null, DeliveryMethod.HOME_DELIVERY,
                new DeliveryDetailsShared.Recipient("F. Uzz", "Teststraat", "1", "1271 AA", "Huizen", null, null), null));
        return "J-" + referralId;
    }

    org.springframework.http.ResponseEntity<String> coordinator(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("coordinator", "coordinator").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

}
