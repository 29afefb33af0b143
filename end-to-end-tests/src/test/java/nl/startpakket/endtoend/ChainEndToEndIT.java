package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.startpakket.localstack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's promise: one referral travels the whole chain through four service
 * processes over a real broker, and over the cap it waits until an amendment releases it. (Services
 * killed mid-chain, a job held across a kill: {@link FaultSuiteIT}.)
 */
class ChainEndToEndIT {

    static final Duration CHAIN = Duration.ofSeconds(90);

    static Api referral;
    static Api fulfilment;
    static Api billing;
    static Api reporting;

    @BeforeAll
    static void stack() {
        RunningStack.get();
        referral = RunningStack.api(Service.REFERRAL);
        fulfilment = RunningStack.api(Service.FULFILMENT);
        billing = RunningStack.api(Service.BILLING);
        reporting = RunningStack.api(Service.REPORTING);
    }

    @Test
    void aReferralTravelsFromPartnerToDeliveredAndBecomesOneBillableLineAt80Euro() {
        Api midwife = referral.asPartner("demo-verloskundige-huizen");
        int deliveredBefore = billing.asStaff("finance").get("/api/v1/contracts/" + DemoContracts.huizen()).json().at("/usage/delivered").asInt();

        Api.Response created = midwife.post("/api/v1/referrals", Referrals.baby("GM0406", "Huizen"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).isNotBlank();
        String referralId = created.json().get("referralId").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("ACCEPTED");

        awaitStatus(midwife, referralId, "FUNDED");
        String jobId = awaitQueuedJob(referralId);
        workJobThrough(jobId, "volunteer");
        awaitStatus(midwife, referralId, "DELIVERED");

        await().atMost(CHAIN).untilAsserted(() -> assertThat(billing.asStaff("finance").get("/api/v1/contracts/" + DemoContracts.huizen())
                .json().at("/usage/delivered").asInt()).isEqualTo(deliveredBefore + 1));
        List<JsonNode> lines = billableLines(referralId);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("amount").asText()).isEqualTo("80.00");
            assertThat(line.get("contractId").asText()).isEqualTo(DemoContracts.huizen());
        });
        await().atMost(CHAIN).untilAsserted(() -> {
            JsonNode report = reporting.asStaff("coordinator").get("/api/v1/reports/municipalities/GM0406").json();
            assertThat(report.at("/deliveries/total").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(report.at("/referrals/total").asInt()).isGreaterThanOrEqualTo(1);
        });

        // the treasurer (billing) and the evaluator (reporting) see the same day the cap will be reached
        await().atMost(CHAIN).untilAsserted(() -> {
            String billed = billing.asStaff("finance").get("/api/v1/contracts/" + DemoContracts.huizen()).json()
                    .at("/usage/forecastCapReachedOn").asText();
            JsonNode evaluated = StreamSupport.stream(reporting.asStaff("coordinator")
                            .get("/api/v1/reports/municipalities/GM0406/evaluation").json().get("contracts").spliterator(), false)
                    .filter(c -> c.get("contractId").asText().equals(DemoContracts.huizen())).findFirst().orElseThrow();
            assertThat(billed).isNotBlank();
            assertThat(evaluated.at("/capForecast/date").asText()).isEqualTo(billed);
        });

        JsonNode history = midwife.get("/api/v1/referrals/" + referralId).json().get("history");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(h -> h.get("status").asText()))
                .containsSubsequence("ACCEPTED", "FUNDED", "PACKING", "PACKED", "DELIVERED");
    }

    @Test
    void overTheCapAReferralWaitsOnHoldUntilAnAmendmentReleasesIt() {
        Api finance = billing.asStaff("finance");
        Api municipality = referral.asPartner("demo-gemeente-heerlen");
        int reserved = finance.get("/api/v1/contracts/" + DemoContracts.heerlen()).json().at("/usage/reserved").asInt();
        Api.Response capped = finance.post("/api/v1/contracts/" + DemoContracts.heerlen() + "/amendments",
                Map.of("maxPackages", reserved + 1, "reason", "end-to-end test: one package left under the cap"));
        assertThat(capped.status()).as(capped.toString()).isBetween(200, 204);

        String lastFunded = municipality.post("/api/v1/referrals", Referrals.baby("GM0917", "Heerlen")).json().get("referralId").asText();
        awaitStatus(municipality, lastFunded, "FUNDED");
        String referralId = municipality.post("/api/v1/referrals", Referrals.baby("GM0917", "Heerlen")).json().get("referralId").asText();
        awaitStatus(municipality, referralId, "ON_HOLD");
        await().atMost(CHAIN).untilAsserted(() ->
                assertThat(finance.get("/api/v1/contracts/" + DemoContracts.heerlen()).json().at("/usage/onHold").asInt()).isGreaterThanOrEqualTo(1));

        Api.Response raised = finance.post("/api/v1/contracts/" + DemoContracts.heerlen() + "/amendments",
                Map.of("maxPackages", reserved + 10, "reason", "end-to-end test: new agreement"));
        assertThat(raised.status()).as(raised.toString()).isBetween(200, 204);
        awaitStatus(municipality, referralId, "FUNDED");
        awaitQueuedJob(referralId);
    }

    static void awaitStatus(Api partner, String referralId, String status) {
        await().atMost(CHAIN).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(partner.get("/api/v1/referrals/" + referralId).json().get("status").asText()).isEqualTo(status));
    }

    static String awaitQueuedJob(String referralId) {
        Api volunteer = RunningStack.api(Service.FULFILMENT).asStaff("volunteer");
        return await().atMost(CHAIN).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode jobs = volunteer.get("/api/v1/jobs?status=QUEUED").json();
            for (JsonNode job : jobs) {
                if (referralId.equals(job.get("referralId").asText())) {
                    return job.get("jobId").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    static void workJobThrough(String jobId, String volunteerName) {
        Api volunteer = RunningStack.api(Service.FULFILMENT).asStaff(volunteerName);
        for (String step : List.of("claim", "packed", "handed-over", "delivered")) {
            Api.Response response = volunteer.post("/api/v1/jobs/" + jobId + "/" + step, step.equals("handed-over") ? handOver() : Map.of());
            assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        }
    }

    static Map<String, Object> handOver() {
        return Map.of("method", "HOME_DELIVERY", "carrierReference", "3SPOST000123");
    }

    static List<JsonNode> billableLines(String referralId) {
        return await().atMost(CHAIN).until(() -> Topics.readAll("startpakket.billing.v1").stream()
                .filter(p -> "billing.BillableLineRecorded".equals(p.type()))
                .collect(Collectors.toMap(Topics.Published::eventId, p -> p, (a, b) -> a))
                .values().stream()
                .map(p -> readJson(p.json()))
                .filter(line -> referralId.equals(line.get("referralId").asText()))
                .toList(), lines -> !lines.isEmpty());
    }

    private static JsonNode readJson(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
