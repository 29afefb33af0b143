package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.babyReferral;
import static nl.startpakket.referral.ReferralServiceIT.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.ReferralServiceIT.Household;
import nl.startpakket.referral.partner.PartnerAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Retries, every kind of invalid input, and amendments, through the API. */
@ServiceIntegrationTest
class ReferralIntakeIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration partners;

    @Autowired
    nl.startpakket.platform.privacy.DeliveryKeyTransport transport;

    String partner;
    String key;

    @BeforeEach
    void partner() {
        partner = "it-intake-" + UUID.randomUUID();
        partners.put("it-coordinator", partner,
                new PartnerTerms("IT intake", IntermediaryType.SOCIAL_CARE, List.of("GM0406"), true));
        key = partners.issueKey("it-coordinator", partner).apiKey();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameReferral() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        String idempotencyKey = UUID.randomUUID().toString();

        ResponseEntity<String> first = post(body, idempotencyKey);
        ResponseEntity<String> retry = post(body, idempotencyKey);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = JSON.readTree(first.getBody()).get("referralId").asText();
        assertThat(JSON.readTree(retry.getBody()).get("referralId").asText()).isEqualTo(id);
        assertThat(JSON.readTree(retry.getBody()).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(referrals()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        post(babyReferral(Household.random()), idempotencyKey);

        ResponseEntity<String> other = post(babyReferral(Household.random()), idempotencyKey);

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(referrals()).hasSize(1);
    }

    @Test
    void idempotencyKeysBelongToOnePartner() throws Exception {
        String otherPartner = "it-intake-other-" + UUID.randomUUID();
        partners.put("it-coordinator", otherPartner,
                new PartnerTerms("IT other", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        String otherKey = partners.issueKey("it-coordinator", otherPartner).apiKey();
        String idempotencyKey = "shared-" + UUID.randomUUID();

        post(babyReferral(Household.random()), idempotencyKey);
        HttpHeaders headers = bearer(otherKey);
        headers.set("Idempotency-Key", idempotencyKey);
        ResponseEntity<String> theirs = http.exchange("/api/v1/referrals", HttpMethod.POST,
                new HttpEntity<>(babyReferral(Household.random()), headers), String.class);

        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(JSON.readTree(theirs.getBody()).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void ofConcurrentReferralsForOneHouseholdExactlyOneIsAccepted() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        List<java.util.concurrent.Callable<String>> attempts = java.util.stream.IntStream.range(0, 6)
                .<java.util.concurrent.Callable<String>>mapToObj(i -> () -> JSON.readTree(post(body, null).getBody()).get("status").asText())
                .toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<String> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce("ACCEPTED").filteredOn("REJECTED"::equals).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyMakeOneReferral() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        String idempotencyKey = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<ResponseEntity<String>>> retries = java.util.stream.IntStream.range(0, 4)
                    .<java.util.concurrent.Callable<ResponseEntity<String>>>mapToObj(i -> () -> post(body, idempotencyKey)).toList();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<ResponseEntity<String>> f : pool.invokeAll(retries)) {
                assertThat(f.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
                ids.add(JSON.readTree(f.get().getBody()).get("referralId").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(referrals()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyInvalidInputAnswersAFieldErrorAndStoresNothing() throws Exception {
        Map<String, Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("parent.postalCode", b -> parent(b).put("postalCode", "1271 A"));
        cases.put("parent.postalCode|0", b -> parent(b).put("postalCode", "0271 AB"));
        cases.put("parent.postalCode|SS", b -> parent(b).put("postalCode", "1271 SS"));
        cases.put("parent.houseNumber", b -> parent(b).put("houseNumber", "a12"));
        cases.put("parent.houseNumber|0", b -> parent(b).put("houseNumber", "0"));
        cases.put("parent.name", b -> parent(b).remove("name"));
        cases.put("parent.email", b -> parent(b).put("email", "not-an-address"));
        cases.put("parent", b -> b.remove("parent"));
        cases.put("expectedDueDate", b -> b.remove("expectedDueDate"));
        cases.put("expectedDueDate|past", b -> b.put("expectedDueDate", LocalDate.now().minusWeeks(5).toString()));
        cases.put("expectedDueDate|ahead", b -> b.put("expectedDueDate", LocalDate.now().plusWeeks(43).toString()));
        cases.put("childBirthDate", b -> b.put("childBirthDate", LocalDate.now().minusMonths(6).toString()));
        cases.put("childBirthDate|toddler", b -> {
            b.put("phase", "TODDLER");
            b.remove("expectedDueDate");
            b.put("childBirthDate", LocalDate.now().minusMonths(30).toString());
        });
        cases.put("expectedDueDate|toddler", b -> {
            b.put("phase", "TODDLER");
            b.put("childBirthDate", LocalDate.now().minusMonths(6).toString());
        });
        cases.put("municipality", b -> b.put("municipality", "GM9999"));
        cases.put("municipality|format", b -> b.put("municipality", "Huizen"));
        cases.put("municipality|merged", b -> b.put("municipality", "GM0398"));
        cases.put("phase", b -> b.remove("phase"));
        cases.put("deliveryMethod", b -> b.remove("deliveryMethod"));
        cases.put("consentFollowUp", b -> b.remove("consentFollowUp"));
        cases.put("notes", b -> b.put("notes", "x".repeat(1001)));

        for (Map.Entry<String, Consumer<Map<String, Object>>> c : cases.entrySet()) {
            Map<String, Object> body = babyReferral(Household.random());
            body.put("parent", new HashMap<>((Map<String, Object>) body.get("parent")));
            c.getValue().accept(body);
            ResponseEntity<String> response = post(body, null);
            String field = c.getKey().split("\\|")[0];
            assertThat(response.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(JSON.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(c.getKey()).contains(field);
        }
        assertThat(referrals()).isEmpty();
    }

    @Test
    void answersDutchMessagesWhenAskedInDutch() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        body.remove("expectedDueDate");
        HttpHeaders headers = bearer(key);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL");
        ResponseEntity<String> response = http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
        assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("message").asText()).contains("uitgerekende datum");
    }

    @Test
    void shouldRefuseMergedMunicipalityNamingItsSuccessor() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        body.put("municipality", "GM0398");
        ResponseEntity<String> response = post(body, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = JSON.readTree(response.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("municipality");
        assertThat(error.get("message").asText()).contains("GM0398 Heerhugowaard became part of GM1980 Dijk en Waard on 2022-01-01");
    }

    @Test
    void malformedOversizedOrWronglyTypedBodiesAnswer4xxAndStoreNothing() throws Exception {
        assertThat(postRaw("{\"municipality\": \"GM0406\", ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("[1, 2, 3]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("{\"phase\": \"ADULT\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("{\"expectedDueDate\": \"next spring\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> huge = postRaw("{\"notes\": \"" + "x".repeat(100_000) + "\"}");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(huge.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        HttpHeaders textHeaders = bearer(key);
        textHeaders.setContentType(MediaType.TEXT_PLAIN);
        assertThat(http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>("hello", textHeaders), String.class)
                .getStatusCode().is4xxClientError()).isTrue();
        assertThat(referrals()).isEmpty();
    }

    @Test
    void anUnacceptableAcceptHeaderIsRefusedBeforeAnythingIsStored() throws Exception {
        HttpHeaders headers = bearer(key);
        headers.setAccept(List.of(MediaType.APPLICATION_XML));
        ResponseEntity<String> response = http.exchange("/api/v1/referrals", HttpMethod.POST,
                new HttpEntity<>(babyReferral(Household.random()), headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(referrals()).isEmpty();
    }

    @Test
    void amendingTheDueDateSharesTheDeliveryDetailsAgainAndShowsInTheHistory() throws Exception {
        Household household = Household.random();
        String id = JSON.readTree(post(babyReferral(household), null).getBody()).get("referralId").asText();
        LocalDate newDueDate = household.date().plusWeeks(2);

        ResponseEntity<String> amended = http.exchange("/api/v1/referrals/" + id + "/amendments", HttpMethod.POST,
                new HttpEntity<>(Map.of("expectedDueDate", newDueDate.toString(), "deliveryMethod", "PICKUP_BY_INTERMEDIARY"),
                        bearer(key)), String.class);

        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode history = JSON.readTree(amended.getBody()).get("history");
        assertThat(history.findValuesAsText("event")).contains("AMENDED");
        PrivacyProbe privacy = new PrivacyProbe(transport);
        DeliveryDetailsShared again = TopicProbe.await(DeliveryDetailsShared.class,
                e -> e.referralId().equals(id) && newDueDate.equals(privacy.open(e).expectedDueDate()), TIMEOUT);
        assertThat(again.deliveryMethod().name()).isEqualTo("PICKUP_BY_INTERMEDIARY");

        // the household moved with the due date: the old date is free, the new one is taken
        Map<String, Object> atNewDate = babyReferral(new Household(household.postalCode(), household.houseNumber(), newDueDate));
        assertThat(JSON.readTree(post(atNewDate, null).getBody()).get("status").asText()).isEqualTo("REJECTED");
        assertThat(JSON.readTree(post(babyReferral(household), null).getBody()).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void amendingAfterPackingStartedIsAConflict() throws Exception {
        String id = JSON.readTree(post(babyReferral(Household.random()), null).getBody()).get("referralId").asText();
        TopicProbe.publish(new PackingStarted(UUID.randomUUID(), Instant.now(), id, "J-" + id));
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!JSON.readTree(get("/api/v1/referrals/" + id).getBody()).get("status").asText().equals("PACKING")
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        ResponseEntity<String> late = http.exchange("/api/v1/referrals/" + id + "/amendments", HttpMethod.POST,
                new HttpEntity<>(Map.of("deliveryMethod", "PICKUP_BY_INTERMEDIARY"), bearer(key)), String.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void cancellingWithoutAKnownReasonIsAFieldError() throws Exception {
        String id = JSON.readTree(post(babyReferral(Household.random()), null).getBody()).get("referralId").asText();
        ResponseEntity<String> response = http.exchange("/api/v1/referrals/" + id + "/cancel", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "she told me her address is ..."), bearer(key)), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(get("/api/v1/referrals/" + id).getBody()).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void servesTheOpenApiDescriptionWithExamplesWithoutAuthentication() throws Exception {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode api = JSON.readTree(docs.getBody());
        assertThat(api.get("paths").has("/api/v1/referrals")).isTrue();
        assertThat(api.get("paths").has("/api/v1/referrals/{referralId}/cancel")).isTrue();
        assertThat(api.get("paths").has("/api/v1/partners/{partnerId}/keys")).isTrue();
        assertThat(docs.getBody()).contains("Idempotency-Key").contains("DUPLICATE").contains("1271 AB");
        assertThat(api.get("components").get("securitySchemes").has("partnerApiKey")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // --- helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> parent(Map<String, Object> body) {
        return (Map<String, Object>) body.get("parent");
    }

    ResponseEntity<String> post(Object body, String idempotencyKey) {
        HttpHeaders headers = bearer(key);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postRaw(String json) {
        return http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(json, bearer(key)), String.class);
    }

    ResponseEntity<String> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class);
    }

    JsonNode referrals() throws Exception {
        return JSON.readTree(get("/api/v1/referrals").getBody());
    }
}
