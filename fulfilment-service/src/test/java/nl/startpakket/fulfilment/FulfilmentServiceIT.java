package nl.startpakket.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.fulfilment.v1.PackingJobCancelled;
import nl.startpakket.events.fulfilment.v1.PackingJobQueued;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.fulfilment.process.StaleClaimReleaser;
import nl.startpakket.platform.testing.FormSession;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ServiceIntegrationTest
class FulfilmentServiceIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;

    @Autowired
    StaleClaimReleaser staleClaims;

    static FundingReserved fundingReserved(String referralId, Phase phase) {
        return new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", phase, LocalDate.now());
    }

    static DeliveryDetailsShared deliveryDetails(String referralId, Phase phase, DeliveryMethod method) {
        return new DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId, "GM0406", phase,
                phase == Phase.BABY ? LocalDate.now().plusWeeks(12) : null,
                phase == Phase.TODDLER ? LocalDate.now().minusMonths(10) : null,
                method, new DeliveryDetailsShared.Recipient("A. de Vries", "Kerkstraat", "1", "1271 AA", "Huizen", null, null),
                null);
    }

    JsonNode queued(String user, String jobId) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity("/api/v1/jobs?status=QUEUED", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode job : response.getBody()) {
            if (jobId.equals(job.get("jobId").asText())) {
                return job;
            }
        }
        return null;
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void shouldQueueAJobWhenFundingComesBeforeDeliveryDetails() {
        String referralId = "R-" + UUID.randomUUID();
        String jobId = "J-" + referralId;
        TopicProbe.publish(fundingReserved(referralId, Phase.BABY));
        TopicProbe.publish(deliveryDetails(referralId, Phase.BABY, DeliveryMethod.HOME_DELIVERY));

        JsonNode job = await().atMost(TIMEOUT).until(() -> queued("volunteer", jobId), j -> j != null);
        assertThat(job.get("referralId").asText()).isEqualTo(referralId);
        assertThat(job.get("phase").asText()).isEqualTo("BABY");
        assertThat(job.get("municipality").asText()).isEqualTo("GM0406");
        assertThat(job.get("status").asText()).isEqualTo("QUEUED");
        assertThat(LocalDate.parse(job.get("deadline").asText())).isEqualTo(LocalDate.now().plusWeeks(8));
        assertThat(job.toString()).doesNotContain("Kerkstraat");
        TopicProbe.await(PackingJobQueued.class, e -> e.jobId().equals(jobId), TIMEOUT);
    }

    @Test
    void shouldWorkAJobThroughToDeliveredWhenDeliveryDetailsComeFirst() {
        String referralId = "R-" + UUID.randomUUID();
        String jobId = "J-" + referralId;
        TopicProbe.publish(deliveryDetails(referralId, Phase.TODDLER, DeliveryMethod.HOME_DELIVERY));
        TopicProbe.publish(fundingReserved(referralId, Phase.TODDLER));
        await().atMost(TIMEOUT).until(() -> queued("volunteer", jobId), j -> j != null);

        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> second = post("volunteer2", "/api/v1/jobs/" + jobId + "/claim", null);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(second.getBody().get("heldBy").asText()).isEqualTo("volunteer");

        assertThat(post("volunteer2", "/api/v1/jobs/" + jobId + "/packed", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/packed", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/handed-over",
                java.util.Map.of("method", "HOME_DELIVERY")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/handed-over",
                java.util.Map.of("method", "HOME_DELIVERY", "carrierReference", "3SABC123")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/delivered", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/delivered", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        PackageDelivered delivered = TopicProbe.await(PackageDelivered.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(delivered.referralId()).isEqualTo(referralId);
        assertThat(delivered.phase()).isEqualTo(Phase.TODDLER);
        assertThat(delivered.deliveredOn()).isEqualTo(LocalDate.now());
        PackageHandedOver handedOver = TopicProbe.await(PackageHandedOver.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(handedOver.daysBeforeDueDate()).isNull();
    }

    @Test
    void shouldTakeTheJobOutOfTheQueueWhenTheReferralIsCancelled() {
        String referralId = "R-" + UUID.randomUUID();
        String jobId = "J-" + referralId;
        TopicProbe.publish(fundingReserved(referralId, Phase.BABY));
        TopicProbe.publish(deliveryDetails(referralId, Phase.BABY, DeliveryMethod.PICKUP_BY_INTERMEDIARY));
        await().atMost(TIMEOUT).until(() -> queued("coordinator", jobId), j -> j != null);

        TopicProbe.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), referralId, "GM0406", Phase.BABY,
                LocalDate.now(), "NO_LONGER_NEEDED"));

        await().atMost(TIMEOUT).until(() -> queued("volunteer", jobId) == null);
        JsonNode cancelled = http.withBasicAuth("coordinator", "coordinator")
                .getForObject("/api/v1/jobs?status=CANCELLED", JsonNode.class);
        assertThat(cancelled.findValuesAsText("jobId")).contains(jobId);
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(TopicProbe.await(PackingJobCancelled.class, e -> e.jobId().equals(jobId), TIMEOUT).restocked()).isFalse();
    }

    @Test
    void shouldRefuseTheQueueToStaffWithoutAPackingRole() {
        assertThat(http.withBasicAuth("finance", "finance").getForEntity("/api/v1/jobs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/v1/jobs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldSendThePlatformSecurityHeadersAndKeepPagesOnTheLoginRedirect() {
        for (ResponseEntity<String> response : List.of(http.withBasicAuth("volunteer", "volunteer").getForEntity("/api/v1/jobs", String.class),
                http.getForEntity("/api/v1/jobs", String.class), http.getForEntity("/login", String.class),
                http.getForEntity("/actuator/health", String.class))) {
            assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                    .startsWith(nl.startpakket.platform.security.PlatformHttpSecurity.CONTENT_SECURITY_POLICY);
            assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        }
        ResponseEntity<String> api = http.getForEntity("/api/v1/jobs", String.class);
        assertThat(api.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        var noRedirects = http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = noRedirects.getForEntity("/jobs", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/startpakket");
        ResponseEntity<String> noCsrf = noRedirects.postForEntity("/jobs/J-any/claim", new HttpEntity<>("", formHeaders()), String.class);
        assertThat(noCsrf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(noCsrf.getHeaders().getContentType())).doesNotContain("problem+json");
    }

    static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    @Test
    void shouldTreatEmptyStatusFiltersAsNoFilter() {
        ResponseEntity<String> response = http.withBasicAuth("volunteer", "volunteer").getForEntity("/api/v1/jobs?status=,", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAuditEveryClaim() {
        String jobId = queueJob("GM0917", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(), null);
        assertThat(post("volunteer2", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode trail = http.withBasicAuth("coordinator", "coordinator").getForObject("/api/v1/audit?subject=" + jobId, JsonNode.class);
        assertThat(trail.findValuesAsText("action")).contains("claim-job");
        assertThat(trail.findValuesAsText("actor")).contains("volunteer2");
    }

    @Test
    void shouldShowTheMunicipalitysNameBesideItsCodeOnTheQueueAndJobPages() throws Exception {
        String jobId = queueJob("GM0917", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(), null);
        FormSession volunteer = FormSession.signIn(http.getRootUri(), "volunteer", "volunteer");

        assertThat(volunteer.get("/jobs?municipality=GM0917").body()).contains("Heerlen (GM0917)");
        assertThat(volunteer.get("/jobs/" + jobId).body()).contains("Heerlen (GM0917)");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownJob() {
        assertThat(post("volunteer", "/api/v1/jobs/J-nope/claim", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    String queueJob(String municipality, Phase phase, DeliveryMethod method, LocalDate fundedOn, LocalDate due) {
        String referralId = "R-" + UUID.randomUUID();
        String jobId = "J-" + referralId;
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "c-" + municipality, municipality,
                phase, fundedOn));
        TopicProbe.publish(new DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId, municipality, phase,
                phase == Phase.BABY ? due : null, phase == Phase.TODDLER ? LocalDate.now().minusMonths(10) : null, method,
                new DeliveryDetailsShared.Recipient("B. Jansen", "Dorpsweg", "7", "6411 AB", "Heerlen", "0612345678", null),
                "bel aan bij de buren"));
        await().atMost(TIMEOUT).until(() -> queued("coordinator", jobId), j -> j != null);
        return jobId;
    }

    JsonNode job(String user, String jobId) {
        return http.withBasicAuth(user, user).getForObject("/api/v1/jobs/" + jobId, JsonNode.class);
    }

    List<JsonNode> notices(String user) {
        List<JsonNode> result = new java.util.ArrayList<>();
        http.withBasicAuth(user, user).getForObject("/api/v1/notices", JsonNode.class).forEach(result::add);
        return result;
    }

    @Test
    void shouldShowOverdueThenAtRiskJobsFirstAndFilter() {
        String municipality = "GM" + (1000 + new java.util.Random().nextInt(8999));
        String onTrack = queueJob(municipality, Phase.BABY, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(),
                LocalDate.now().plusWeeks(20));
        String atRisk = queueJob(municipality, Phase.BABY, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(),
                LocalDate.now().plusWeeks(3));
        String overdue = queueJob(municipality, Phase.TODDLER, DeliveryMethod.HOME_DELIVERY, LocalDate.now().minusDays(20), null);

        JsonNode all = http.withBasicAuth("volunteer", "volunteer")
                .getForObject("/api/v1/jobs?municipality=" + municipality, JsonNode.class);
        assertThat(all.findValuesAsText("jobId")).containsExactly(overdue, atRisk, onTrack);
        assertThat(all.findValuesAsText("urgency")).containsExactly("OVERDUE", "AT_RISK", "ON_TRACK");

        JsonNode babies = http.withBasicAuth("volunteer", "volunteer")
                .getForObject("/api/v1/jobs?municipality=" + municipality + "&phase=BABY&deliveryMethod=PICKUP_BY_INTERMEDIARY&status=QUEUED",
                        JsonNode.class);
        assertThat(babies.findValuesAsText("jobId")).containsExactly(atRisk, onTrack);
        assertThat(http.withBasicAuth("volunteer", "volunteer")
                .getForObject("/api/v1/jobs?municipality=" + municipality + "&deliveryMethod=HOME_DELIVERY", JsonNode.class)
                .findValuesAsText("jobId")).containsExactly(overdue);
    }

    @Test
    void shouldShowTheAddressOnlyToTheHolderAndCoordinators() {
        String jobId = queueJob("GM0917", Phase.BABY, DeliveryMethod.HOME_DELIVERY, LocalDate.now(), LocalDate.now().plusWeeks(10));
        assertThat(job("volunteer", jobId).get("recipient").isNull()).isTrue();
        assertThat(job("coordinator", jobId).get("recipient").get("street").asText()).isEqualTo("Dorpsweg");

        post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null);
        await().atMost(TIMEOUT).until(() -> job("volunteer", jobId).get("recipient").isObject());
        assertThat(job("volunteer", jobId).get("notes").asText()).isEqualTo("bel aan bij de buren");
        assertThat(job("volunteer2", jobId).get("recipient").isNull()).isTrue();
        assertThat(job("volunteer2", jobId).toString()).doesNotContain("Dorpsweg");
    }

    @Test
    void shouldTellTheHolderWhenTheirJobIsCancelled() {
        String jobId = queueJob("GM0917", Phase.BABY, DeliveryMethod.HOME_DELIVERY, LocalDate.now(), LocalDate.now().plusWeeks(10));
        assertThat(post("volunteer2", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        TopicProbe.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), jobId.substring(2), "GM0917", Phase.BABY,
                LocalDate.now(), "MOVED_AWAY"));

        JsonNode notice = await().atMost(TIMEOUT).until(() -> notices("volunteer2").stream()
                .filter(n -> jobId.equals(n.get("jobId").asText())).findFirst().orElse(null), n -> n != null);
        assertThat(notice.get("kind").asText()).isEqualTo("JOB_CANCELLED");
        assertThat(notice.get("reason").asText()).isEqualTo("MOVED_AWAY");
        assertThat(http.withBasicAuth("volunteer2", "volunteer2")
                .postForEntity("/api/v1/notices/" + notice.get("noticeId").asText() + "/dismiss", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(notices("volunteer2")).noneMatch(n -> jobId.equals(n.get("jobId").asText()));
    }

    @Test
    void shouldReleaseAClaimThatWentStale() {
        String jobId = queueJob("GM0917", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(), null);
        post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null);
        await().atMost(TIMEOUT).until(() -> "CLAIMED".equals(job("coordinator", jobId).get("status").asText()));

        staleClaims.releaseClaimsMadeBefore(Instant.now().plusSeconds(1));

        await().atMost(TIMEOUT).until(() -> queued("volunteer2", jobId), j -> j != null);
        await().atMost(TIMEOUT).until(() -> notices("volunteer").stream()
                .anyMatch(n -> jobId.equals(n.get("jobId").asText()) && "CLAIM_RELEASED_STALE".equals(n.get("kind").asText())));
        assertThat(post("volunteer2", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldParkAJobWithAReasonAndResumeItIntoTheQueue() {
        String jobId = queueJob("GM0917", Phase.TODDLER, DeliveryMethod.HOME_DELIVERY, LocalDate.now(), null);
        ResponseEntity<JsonNode> noReason = post("volunteer", "/api/v1/jobs/" + jobId + "/exception", Map.of("kind", "ADDRESS_UNKNOWN"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").findValuesAsText("field")).contains("reason");

        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/exception",
                Map.of("kind", "ADDRESS_UNKNOWN", "reason", "Straat bestaat niet")).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode parked = await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> "EXCEPTION".equals(j.get("status").asText()));
        assertThat(parked.get("exceptionKind").asText()).isEqualTo("ADDRESS_UNKNOWN");
        assertThat(parked.get("exceptionReason").asText()).isEqualTo("Straat bestaat niet");
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> resumed = post("coordinator", "/api/v1/jobs/" + jobId + "/resume", Map.of("note", "adres gecorrigeerd"));
        assertThat(resumed.getBody().get("status").asText()).isEqualTo("QUEUED");
        await().atMost(TIMEOUT).until(() -> queued("volunteer", jobId), j -> j != null);
    }

    int onHand(String itemId) {
        JsonNode stock = http.withBasicAuth("volunteer", "volunteer").getForObject("/api/v1/stock", JsonNode.class);
        for (JsonNode line : stock) {
            if (itemId.equals(line.get("itemId").asText())) {
                return line.get("onHand").asInt();
            }
        }
        return Integer.MIN_VALUE;
    }

    JsonNode stockLine(String itemId) {
        JsonNode stock = http.withBasicAuth("coordinator", "coordinator").getForObject("/api/v1/stock", JsonNode.class);
        for (JsonNode line : stock) {
            if (itemId.equals(line.get("itemId").asText())) {
                return line;
            }
        }
        return null;
    }

    ResponseEntity<String> receipt(String user, String itemId, int quantity, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.withBasicAuth(user, user).postForEntity("/api/v1/stock/" + itemId + "/receipts",
                new HttpEntity<>(Map.of("quantity", quantity, "source", "DONATION"), headers), String.class);
    }

    @Test
    void shouldTakeTheTemplateFromStockWhenPackedAndPutItBackWhenCancelled() {
        await().atMost(TIMEOUT).until(() -> onHand("knuffel") != Integer.MIN_VALUE);
        int knuffels = onHand("knuffel");
        String key = UUID.randomUUID().toString();
        assertThat(receipt("volunteer", "knuffel", 5, key).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(receipt("volunteer", "knuffel", 5, key).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(TIMEOUT).until(() -> onHand("knuffel") == knuffels + 5);

        String jobId = queueJob("GM0917", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(), null);
        post("volunteer", "/api/v1/jobs/" + jobId + "/claim", null);
        int books = onHand("prentenboek");
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/packed", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(TIMEOUT).until(() -> onHand("knuffel") == knuffels + 4 && onHand("prentenboek") == books - 2);
        assertThat(job("volunteer", jobId).get("templateId").asText()).isEqualTo("peuter-jongen");

        TopicProbe.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), jobId.substring(2), "GM0917", Phase.TODDLER,
                LocalDate.now(), "NO_LONGER_NEEDED"));
        await().atMost(TIMEOUT).until(() -> onHand("knuffel") == knuffels + 5 && onHand("prentenboek") == books);
        assertThat(TopicProbe.await(PackingJobCancelled.class, e -> e.jobId().equals(jobId), TIMEOUT).restocked()).isTrue();
    }

    @Test
    void shouldWarnWhenTheStockDoesNotCoverTheJobsWaiting() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("volunteer", "volunteer").postForEntity("/api/v1/stock/stapelbekers/counts",
                new HttpEntity<>(Map.of("countedQuantity", 0), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("coordinator", "coordinator").postForEntity("/api/v1/stock/stapelbekers/counts",
                new HttpEntity<>(Map.of("countedQuantity", 0), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        queueJob("GM0917", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY, LocalDate.now(), null);

        JsonNode shortLine = await().atMost(TIMEOUT).until(() -> stockLine("stapelbekers"),
                l -> l != null && l.get("onHand").asInt() == 0);
        assertThat(shortLine.get("state").asText()).isEqualTo("SHORT");
        assertThat(shortLine.get("demand").asInt()).isPositive();

        http.withBasicAuth("coordinator", "coordinator").postForEntity("/api/v1/stock/stapelbekers/counts",
                new HttpEntity<>(Map.of("countedQuantity", 100000), headers), String.class);
        await().atMost(TIMEOUT).until(() -> "OK".equals(stockLine("stapelbekers").get("state").asText()));
    }

    @Test
    void shouldLetOnlyCoordinatorsEditTemplatesOfKnownItems() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> template = Map.of("phase", "TODDLER", "variant", "BOY", "name", "Peuterpakket extra", "sizes", "86/92",
                "lines", List.of(Map.of("itemId", "knuffel", "quantity", 2)));
        assertThat(http.withBasicAuth("volunteer", "volunteer").exchange("/api/v1/templates/peuter-zz-extra",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>(template, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("coordinator", "coordinator").exchange("/api/v1/templates/peuter-zz-extra",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>(template, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(TIMEOUT).until(() -> http.withBasicAuth("volunteer", "volunteer")
                .getForObject("/api/v1/templates?phase=TODDLER", JsonNode.class).findValuesAsText("templateId").contains("peuter-zz-extra"));

        Map<String, Object> unknown = Map.of("phase", "TODDLER", "variant", "BOY", "name", "x",
                "lines", List.of(Map.of("itemId", "bestaat-niet", "quantity", 1)));
        ResponseEntity<String> refused = http.withBasicAuth("coordinator", "coordinator").exchange("/api/v1/templates/peuter-zz-extra",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>(unknown, headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("bestaat-niet");
    }

    @Test
    void aPutWithAMalformedFormBodyIsAnUnsupportedBodyNotAServerError() {
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.withBasicAuth("coordinator", "coordinator").exchange("/api/v1/stock/stapelbekers",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>("{\"nameNl\":\"100%zeker\"}", form), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
