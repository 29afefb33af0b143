package nl.startpakket.referral;

import static nl.startpakket.platform.testing.HttpFuzzer.SEED;
import static nl.startpakket.referral.ReferralServiceIT.babyReferral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.testing.HttpFuzzer;
import nl.startpakket.platform.testing.HttpFuzzer.Endpoint;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.ReferralServiceIT.Household;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.web.ReferralRequest;
import nl.startpakket.referral.web.ReferralRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Fuzzes every endpoint of the referral API (partner, staff, audit, dead letters) with seeded,
 * reproducible inputs ({@code -Dfuzz.seed}, {@code -Dfuzz.inputs} per endpoint): only 2xx and
 * 4xx, every 4xx problem+json, and no invalid referral stored. The count of inputs is printed and
 * written to {@code target/fuzz-report-referral.txt}.
 */
@ServiceIntegrationTest
class ReferralApiFuzzIT {

    static final int PER_ENDPOINT = HttpFuzzer.INPUTS_PER_ENDPOINT;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration partners;

    @Autowired
    ReferralRules rules;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void everyEndpointAnswersOnly2xxOr4xxProblemsAndStoresNoInvalidReferral() throws Exception {
        Random values = new Random(SEED);
        String fuzzPartner = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        String victim = "fuzz-victim-" + UUID.randomUUID().toString().substring(0, 8);
        partners.put("it-coordinator", fuzzPartner,
                new PartnerTerms("Fuzz partner", IntermediaryType.SOCIAL_CARE, List.of("GM0406"), true));
        partners.put("it-coordinator", victim, new PartnerTerms("Fuzz victim", IntermediaryType.OTHER, List.of("GM0406"), true));
        String victimKey = partners.issueKey("it-coordinator", victim).apiKey();
        List<String> victimKeyIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            victimKeyIds.add(partners.issueKey("it-coordinator", victim).keyId());
        }

        // a fresh key every 25 requests, so the rate limit (tested on its own) does not hide the endpoints
        AtomicInteger uses = new AtomicInteger();
        String[] key = {partners.issueKey("it-coordinator", fuzzPartner).apiKey()};
        Supplier<String> partnerAuth = () -> {
            if (uses.incrementAndGet() % 25 == 0) {
                key[0] = partners.issueKey("it-coordinator", fuzzPartner).apiKey();
            }
            return "Bearer " + key[0];
        };
        Supplier<String> coordinator = () -> basic("it-coordinator", "it-coordinator-password");
        Supplier<String> volunteer = () -> basic("it-volunteer", "it-volunteer-password");
        Supplier<String> otherPartner = () -> "Bearer " + victimKey;

        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            referrals.add(create(key[0], babyReferral(Household.random())));
        }
        String victimsReferral = create(victimKey, babyReferral(Household.random()));
        Supplier<String> referralId = () -> values.nextInt(10) == 0 ? victimsReferral : referrals.get(values.nextInt(referrals.size()));

        Map<String, Supplier<String>> referralPath = Map.of("referralId", referralId);
        Map<String, Supplier<String>> partnerPath = Map.of("partnerId", () -> victim,
                "keyId", () -> victimKeyIds.get(values.nextInt(victimKeyIds.size())),
                "username", () -> "fuzz-user-" + values.nextInt(3));
        List<Supplier<String>> otherThanPartner = List.of(coordinator, otherPartner);
        List<Supplier<String>> otherThanCoordinator = List.of(volunteer, partnerAuth);

        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/referrals", Map.of(), Map.of(), () -> referralBody(values), partnerAuth, otherThanPartner),
                new Endpoint("GET", "/api/v1/referrals", Map.of(),
                        Map.of("status", List.of("ACCEPTED", "CANCELLED", "DELIVERED", "SUBMITTED")), null, partnerAuth, otherThanPartner),
                new Endpoint("GET", "/api/v1/referrals/{referralId}", referralPath, Map.of(), null, partnerAuth, otherThanPartner),
                new Endpoint("POST", "/api/v1/referrals/{referralId}/cancel", referralPath, Map.of(),
                        () -> Map.of("reason", List.of("MOVED_AWAY", "OTHER", "PREGNANCY_ENDED").get(values.nextInt(3))), partnerAuth,
                        otherThanPartner),
                new Endpoint("POST", "/api/v1/referrals/{referralId}/amendments", referralPath, Map.of(),
                        () -> Map.of("expectedDueDate", LocalDate.now().plusWeeks(10 + values.nextInt(20)).toString(),
                                "deliveryMethod", "PICKUP_BY_INTERMEDIARY", "notes", "fuzz " + values.nextInt()),
                        partnerAuth, otherThanPartner),
                new Endpoint("POST", "/api/v1/referrals/{referralId}/erasure", referralPath, Map.of(),
                        () -> Map.of("reason", "fuzz request " + values.nextInt(1000)), coordinator, otherThanCoordinator),
                new Endpoint("GET", "/api/v1/partners", Map.of(), Map.of(), null, coordinator, otherThanCoordinator),
                new Endpoint("GET", "/api/v1/partners/{partnerId}", partnerPath, Map.of(), null, coordinator, otherThanCoordinator),
                new Endpoint("PUT", "/api/v1/partners/{partnerId}", partnerPath, Map.of(),
                        () -> Map.of("name", "Fuzz victim", "intermediaryType", "OTHER", "municipalities", List.of("GM0406"),
                                "active", true), coordinator, otherThanCoordinator),
                new Endpoint("POST", "/api/v1/partners/{partnerId}/keys", partnerPath, Map.of(), null, coordinator, otherThanCoordinator),
                new Endpoint("DELETE", "/api/v1/partners/{partnerId}/keys/{keyId}", partnerPath, Map.of(), null, coordinator,
                        otherThanCoordinator),
                new Endpoint("PUT", "/api/v1/partners/{partnerId}/users/{username}", partnerPath, Map.of(),
                        () -> Map.of("password", "a fuzzed password " + values.nextInt()), coordinator, otherThanCoordinator),
                new Endpoint("DELETE", "/api/v1/partners/{partnerId}/users/{username}", partnerPath, Map.of(), null, coordinator,
                        otherThanCoordinator),
                new Endpoint("GET", "/api/v1/audit", Map.of(),
                        Map.of("actor", List.of("it-coordinator", "system"), "subject", List.of(victim), "limit", List.of("1", "50", "5000")),
                        null, coordinator, otherThanCoordinator),
                new Endpoint("GET", "/api/v1/dead-letters", Map.of(),
                        Map.of("topic", List.of("startpakket.funding.v1", "startpakket.fulfilment.v1"), "limit", List.of("1", "10")),
                        null, coordinator, otherThanCoordinator));
        // a replay reads the dead-letter topic for up to 5 s when nothing is there: fewer inputs, same variety
        List<Endpoint> slowEndpoints = List.of(
                new Endpoint("POST", "/api/v1/dead-letters/{topic}/{partition}/{offset}/replay",
                        Map.of("topic", () -> values.nextBoolean() ? "startpakket.funding.v1" : "startpakket.fulfilment.v1",
                                "partition", () -> Integer.toString(values.nextInt(4)),
                                "offset", () -> Long.toString(values.nextInt(3))),
                        Map.of(), null, coordinator, otherThanCoordinator));

        List<JsonNode> createdFrom = new ArrayList<>();
        Set<String> createdIds = new HashSet<>();
        HttpFuzzer fuzzer = new HttpFuzzer("http://localhost:" + port, SEED);
        java.util.function.Consumer<HttpFuzzer.Outcome> observer = outcome -> {
            if (outcome.input().endpoint().equals("POST /api/v1/referrals") && outcome.input().method().equals("POST")
                    && (outcome.status() == 201 || outcome.status() == 200 && outcome.body().contains("\"referralId\""))) {
                // 201 made it; a 200 naming a referral answers a retry with the same Idempotency-Key: both are stored
                try {
                    createdIds.add(objectMapper.readTree(outcome.body()).get("referralId").asText());
                    createdFrom.add(objectMapper.readTree(new String(outcome.input().body(), StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new AssertionError("A 201 without a readable request or answer: " + outcome.input().description(), e);
                }
            }
        };
        HttpFuzzer.Report report = fuzzer.run(endpoints, PER_ENDPOINT, observer);
        fuzzer.run(slowEndpoints, Math.max(1, PER_ENDPOINT / 4), observer, report);

        report.publishAndAssertNoViolations("referral-service", "referral", SEED,
                "  referrals created by the fuzzer: " + createdIds.size() + "\n");
        for (JsonNode body : createdFrom) {
            ReferralRequest request = objectMapper.treeToValue(body, ReferralRequest.class);
            assertThat(rules.check(request)).as("a stored referral was made from an invalid request: %s", body).isEmpty();
        }
        // what is stored is exactly what was answered 201 (under the fuzz partner's or, as "another identity", the victim's key)
        // the fuzzer may have deactivated the victim (PUT with active=false): as it was, to list its referrals
        partners.put("it-coordinator", victim, new PartnerTerms("Fuzz victim", IntermediaryType.OTHER, List.of("GM0406"), true));
        Set<String> storedIds = new HashSet<>();
        for (String partner : List.of(fuzzPartner, victim)) {
            objectMapper.readTree(list(partner)).forEach(view -> storedIds.add(view.get("referralId").asText()));
        }
        Set<String> expected = new HashSet<>(referrals);
        expected.add(victimsReferral);
        expected.addAll(createdIds);
        assertThat(storedIds).as("the stored referrals of the fuzzed partners").containsAll(expected);
        // a referral whose answer the fuzzer never saw (a lost or late answer under load) must still be a sound one
        List<JsonNode> views = new ArrayList<>();
        for (String partner : List.of(fuzzPartner, victim)) {
            objectMapper.readTree(list(partner)).forEach(views::add);
        }
        for (JsonNode view : views) {
            if (!expected.contains(view.get("referralId").asText())) {
                assertThat(view.get("municipality").asText()).as("unanswered referral %s", view).isEqualTo("GM0406");
                assertThat(view.get("phase").asText()).as("unanswered referral %s", view).isIn("BABY", "TODDLER");
                assertThat(view.get("status").asText()).as("unanswered referral %s", view).isNotBlank();
            }
        }
        assertThat(storedIds.size() - expected.size()).as("referrals stored without a seen answer").isLessThanOrEqualTo(2);
    }

    String list(String partner) {
        String freshKey = partners.issueKey("it-coordinator", partner).apiKey();
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(freshKey);
        ResponseEntity<String> response = http.exchange("/api/v1/referrals", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as("listing the referrals of %s", partner).isEqualTo(200);
        return response.getBody();
    }

    Map<String, Object> referralBody(Random values) {
        Household household = new Household((1000 + values.nextInt(9000)) + " " + (char) ('A' + values.nextInt(17))
                + (char) ('B' + values.nextInt(16)), (1 + values.nextInt(999)) + "b", LocalDate.now().plusWeeks(15 + values.nextInt(10)));
        Map<String, Object> body = babyReferral(household);
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = new HashMap<>((Map<String, Object>) body.get("parent"));
        parent.put("phone", "06" + (10_000_000 + values.nextInt(89_999_999)));
        parent.put("email", "fuzz" + values.nextInt(1000) + "@example.org");
        body.put("parent", parent);
        body.put("notes", "fuzz " + values.nextInt());
        return body;
    }

    String create(String key, Map<String, Object> body) throws Exception {
        HttpHeaders headers = ReferralServiceIT.bearer(key);
        ResponseEntity<String> response = http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return objectMapper.readTree(response.getBody()).get("referralId").asText();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
