package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.Topics;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.DemoPartners;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

@ServiceIntegrationTest
class ReferralServiceIT {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    PartnerAdministration administration;

    @Autowired
    nl.startpakket.platform.privacy.DeliveryKeyTransport transport;

    @Autowired
    nl.startpakket.referral.partner.PartnerUsers partnerUsers;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    String midwife;
    String midwifeKey;
    String bureau;
    String bureauKey;

    @BeforeEach
    void partners() {
        midwife = "it-midwife-" + UUID.randomUUID();
        administration.put("it-coordinator", midwife,
                new PartnerTerms("IT midwife", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        midwifeKey = administration.issueKey("it-coordinator", midwife).apiKey();
        bureau = "it-bureau-" + UUID.randomUUID();
        administration.put("it-coordinator", bureau,
                new PartnerTerms("IT bureau", IntermediaryType.CONSULTATION_BUREAU, List.of("GM0406"), true));
        bureauKey = administration.issueKey("it-coordinator", bureau).apiKey();
    }

    @Test
    void startsAgainstTheSharedBrokerAndMongoServerAndReportsReady() {
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("UP");
    }

    @Test
    void publishesACloudEventKeyedByItsSubjectWithRawUtf8Headers() {
        String referralId = "R-" + UUID.randomUUID();
        publisher.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), referralId, "GM0406", Phase.BABY,
                LocalDate.now(), "NO_LONGER_NEEDED"));

        ConsumerRecord<String, byte[]> record = TopicProbe.readAll(Topics.REFERRAL, Duration.ofSeconds(1)).stream()
                .filter(r -> referralId.equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("referral.ReferralCancelled");
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.SUBJECT).value(), StandardCharsets.UTF_8))
                .isEqualTo(referralId);
        assertThat(TopicProbe.events(ReferralCancelled.class, List.of(record))).singleElement()
                .extracting(ReferralCancelled::referralId).isEqualTo(referralId);
    }

    @Test
    void acceptsAReferralAndPublishesItWithoutPersonalDataAndTheDeliveryDetailsApart() throws Exception {
        Household household = Household.random();
        ResponseEntity<String> response = post(midwifeKey, babyReferral(household));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = JSON.readTree(response.getBody());
        String referralId = body.get("referralId").asText();
        assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/referrals/" + referralId);

        ReferralSubmitted submitted = TopicProbe.await(ReferralSubmitted.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(submitted.partnerId()).isEqualTo(midwife);
        ReferralAccepted accepted = TopicProbe.await(ReferralAccepted.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(accepted.municipality()).isEqualTo("GM0406");
        assertThat(accepted.consentFollowUp()).isTrue();
        assertThat(accepted.pregnancyWeekAtReferral()).isEqualTo(40 - 20);
        DeliveryDetailsShared details = TopicProbe.await(DeliveryDetailsShared.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(details.deliveryMethod().name()).isEqualTo("HOME_DELIVERY");
        DeliveryDetailsShared.PersonalData opened = new PrivacyProbe(transport).open(details);
        assertThat(opened.recipient().postalCode()).isEqualTo(household.postalCode());
        assertThat(opened.expectedDueDate()).isEqualTo(household.date());
        assertThat(TopicProbe.readAll(Topics.DELIVERY, Duration.ofMillis(500)).stream().filter(r -> referralId.equals(r.key())))
                .isNotEmpty().allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .doesNotContain(household.postalCode()).doesNotContain("Jansen").doesNotContain(household.date().toString()));

        List<ConsumerRecord<String, byte[]>> onReferralTopic = TopicProbe.readAll(Topics.REFERRAL, Duration.ofMillis(500)).stream()
                .filter(r -> referralId.equals(r.key())).toList();
        assertThat(onReferralTopic).hasSize(2).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(household.postalCode()).doesNotContain("Jansen").doesNotContain(household.date().toString()));

        JsonNode view = JSON.readTree(get(midwifeKey, "/api/v1/referrals/" + referralId).getBody());
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.get("phase").asText()).isEqualTo("BABY");
        assertThat(statuses(view.get("history"))).containsExactly("SUBMITTED", "ACCEPTED");
    }

    @Test
    void statusFollowsFundingAndFulfilmentEventsPublishedByTheOtherServices() throws Exception {
        String referralId = submitAccepted(midwifeKey, Household.random());

        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", Phase.BABY,
                LocalDate.now()));
        awaitStatus(midwifeKey, referralId, "FUNDED");

        PackageDelivered delivered = new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId,
                "GM0406", Phase.BABY, LocalDate.now());
        TopicProbe.publish(delivered);
        TopicProbe.publish(delivered);
        JsonNode view = awaitStatus(midwifeKey, referralId, "DELIVERED");
        assertThat(statuses(view.get("history"))).containsExactly("SUBMITTED", "ACCEPTED", "FUNDED", "DELIVERED");

        // a late earlier stage only adds history
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", Phase.BABY,
                LocalDate.now()));
        JsonNode later = awaitView(midwifeKey, referralId, v -> v.get("history").size() == 5);
        assertThat(later.get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void rejectsTheSameHouseholdAsDuplicateForAnotherPartnerWithoutSayingWhoReferredIt() throws Exception {
        Household household = Household.random();
        submitAccepted(midwifeKey, household);

        Map<String, Object> again = babyReferral(household.reformatted());
        ResponseEntity<String> response = post(bureauKey, again);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("status").asText()).isEqualTo("REJECTED");
        assertThat(body.get("reason").asText()).isEqualTo("DUPLICATE");
        assertThat(body.get("firstReferralStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(response.getBody()).doesNotContain(midwife);
        String referralId = body.get("referralId").asText();
        ReferralRejected rejected = TopicProbe.await(ReferralRejected.class, e -> e.referralId().equals(referralId), TIMEOUT);
        assertThat(rejected.reason()).isEqualTo("DUPLICATE");
        assertThat(JSON.readTree(get(bureauKey, "/api/v1/referrals/" + referralId).getBody()).get("status").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void cancellingFreesTheHouseholdForANewReferral() throws Exception {
        Household household = Household.random();
        String first = submitAccepted(midwifeKey, household);

        ResponseEntity<String> cancelled = http.exchange("/api/v1/referrals/" + first + "/cancel", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "MOVED_AWAY"), bearer(midwifeKey)), String.class);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(cancelled.getBody()).get("status").asText()).isEqualTo("CANCELLED");
        ReferralCancelled event = TopicProbe.await(ReferralCancelled.class, e -> e.referralId().equals(first), TIMEOUT);
        assertThat(event.reason()).isEqualTo("MOVED_AWAY");

        ResponseEntity<String> again = post(bureauKey, babyReferral(household));
        assertThat(JSON.readTree(again.getBody()).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anotherPartnerNeitherSeesNorCancelsTheReferral() {
        String referralId = submitAccepted(midwifeKey, Household.random());

        assertThat(get(bureauKey, "/api/v1/referrals/" + referralId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> cancel = http.exchange("/api/v1/referrals/" + referralId + "/cancel", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "OTHER"), bearer(bureauKey)), String.class);
        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(cancel.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(get(bureauKey, "/api/v1/referrals").getBody()).doesNotContain(referralId);
        assertThat(get(midwifeKey, "/api/v1/referrals?status=ACCEPTED").getBody()).contains(referralId);
        assertThat(get(midwifeKey, "/api/v1/referrals?status=CANCELLED").getBody()).doesNotContain(referralId);
    }

    @Test
    void refusesMissingOrUnknownKeysAndStaffCredentialsOnTheReferralApi() {
        ResponseEntity<String> none = http.getForEntity("/api/v1/referrals", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(get("not-a-key", "/api/v1/referrals").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAMunicipalityThePartnerIsNotRegisteredFor() {
        Map<String, Object> body = babyReferral(Household.random());
        body.put("municipality", "GM0917");
        ResponseEntity<String> response = post(midwifeKey, body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody()).contains("GM0917");
    }

    @Test
    void answersFieldErrorsAndStoresNothingWhenTheReferralIsInvalid() throws Exception {
        Map<String, Object> body = babyReferral(Household.random());
        body.remove("expectedDueDate");
        ((Map<String, Object>) body.get("parent")).put("postalCode", "12345");
        ResponseEntity<String> response = post(midwifeKey, body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode errors = JSON.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("expectedDueDate", "parent.postalCode");
        assertThat(JSON.readTree(get(midwifeKey, "/api/v1/referrals").getBody())).isEmpty();
    }

    @Test
    void seedsTheDemoPartnersOnceWhateverTheNumberOfStarts() {
        DemoPartners demo = new DemoPartners(administration, partners);
        demo.seed();
        demo.seed();
        assertThat(partners.find("verloskundige-huizen")).get()
                .satisfies(p -> assertThat(p.getApiKeys()).hasSize(1))
                .satisfies(p -> assertThat(p.getMunicipalities()).containsExactly("GM0406"));
        assertThat(partners.authenticate("demo-gemeente-heerlen")).get()
                .satisfies(p -> assertThat(p.partnerId()).isEqualTo("gemeente-heerlen"));
        assertThat(partners.find("verloskundige-huizen").orElseThrow().getApiKeys().get(0).hash())
                .isNotEqualTo("demo-verloskundige-huizen").hasSize(64);
        assertThat(partnerUsers.loadUserByUsername("gemeente-heerlen").getPassword()).doesNotContain("gemeente-heerlen");
    }

    @Test
    void countsReferralsInTheBusinessMetrics() {
        double before = count("startpakket.referrals.accepted");
        submitAccepted(midwifeKey, Household.random());
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (count("startpakket.referrals.accepted") <= before && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(count("startpakket.referrals.accepted")).isGreaterThan(before);
        assertThat(count("startpakket.referrals.submitted")).isGreaterThan(0);
    }

    double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    // --- helpers

    record Household(String postalCode, String houseNumber, LocalDate date) {

        static Household random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Household((1000 + random.nextInt(9000)) + " " + (char) ('A' + random.nextInt(17)) + (char) ('A' + random.nextInt(17)),
                    Integer.toString(1 + random.nextInt(999)) + "a", LocalDate.now().plusWeeks(20));
        }

        /** The same household as another partner may type it. */
        Household reformatted() {
            return new Household(postalCode.replace(" ", "").toLowerCase(), houseNumber.replace("a", " A"), date);
        }
    }

    static Map<String, Object> babyReferral(Household household) {
        Map<String, Object> parent = new HashMap<>(Map.of("name", "A. Jansen", "street", "Voorbeeldstraat",
                "houseNumber", household.houseNumber(), "postalCode", household.postalCode(), "city", "Huizen"));
        Map<String, Object> body = new HashMap<>();
        body.put("municipality", "GM0406");
        body.put("phase", "BABY");
        body.put("expectedDueDate", household.date().toString());
        body.put("parent", parent);
        body.put("deliveryMethod", "HOME_DELIVERY");
        body.put("consentFollowUp", true);
        return body;
    }

    static HttpHeaders bearer(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    ResponseEntity<String> post(String key, Object body) {
        return http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(body, bearer(key)), String.class);
    }

    ResponseEntity<String> get(String key, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class);
    }

    String submitAccepted(String key, Household household) {
        try {
            ResponseEntity<String> response = post(key, babyReferral(household));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode body = JSON.readTree(response.getBody());
            assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
            return body.get("referralId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode awaitStatus(String key, String referralId, String status) {
        return awaitView(key, referralId, view -> status.equals(view.get("status").asText()));
    }

    JsonNode awaitView(String key, String referralId, Predicate<JsonNode> condition) {
        return awaitView(path -> get(key, path), referralId, condition);
    }

    /** Reads the referral's view (through {@code get}) until it meets the condition, or fails with the last one seen. */
    static JsonNode awaitView(Function<String, ResponseEntity<String>> get, String referralId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            ResponseEntity<String> response = get.apply("/api/v1/referrals/" + referralId);
            if (response.getStatusCode() == HttpStatus.OK) {
                try {
                    last = JSON.readTree(response.getBody());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("Referral " + referralId + " did not reach the expected state; last seen: " + last);
    }

    @Test
    void aDeliveredPackageOpensAFollowUpForTheSocialTeamOnlyWhereTheParentAgreed() throws Exception {
        String consenting = submitAccepted(midwifeKey, Household.random());
        Map<String, Object> withoutConsent = babyReferral(Household.random());
        withoutConsent.put("consentFollowUp", false);
        String notConsenting = JSON.readTree(post(midwifeKey, withoutConsent).getBody()).get("referralId").asText();
        for (String referralId : List.of(consenting, notConsenting)) {
            TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406",
                    Phase.BABY, LocalDate.now()));
            TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId, "GM0406",
                    Phase.BABY, LocalDate.now()));
            awaitStatus(midwifeKey, referralId, "DELIVERED");
        }
        TopicProbe.await(nl.startpakket.events.referral.v1.FollowUpOpened.class, e -> e.referralId().equals(consenting), TIMEOUT);

        TestRestTemplate team = http.withBasicAuth("sociaal-team-huizen", "sociaal-team-huizen");
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(team.getForObject("/api/v1/follow-ups", String.class)).contains(consenting));
        assertThat(team.getForObject("/api/v1/follow-ups", String.class)).as("no consent, no follow-up").doesNotContain(notConsenting);
        JsonNode task = JSON.readTree(team.getForObject("/api/v1/follow-ups/" + consenting, String.class));
        assertThat(task.at("/contact/name").asText()).isEqualTo("A. Jansen");
        assertThat(http.withBasicAuth("evaluator-huizen", "evaluator-huizen").getForEntity("/api/v1/follow-ups", String.class)
                .getStatusCode()).as("evaluators never see families").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(team.getForEntity("/api/v1/follow-ups/" + notConsenting, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the pages: the desk lists the family; its page shows the shared contact details; the outcome is recorded
        nl.startpakket.platform.testing.FormSession desk = nl.startpakket.platform.testing.FormSession.signIn(http.getRootUri(),
                "sociaal-team-huizen", "sociaal-team-huizen");
        assertThat(desk.get("/follow-up").body()).contains("task-" + consenting).doesNotContain(notConsenting);
        String page = desk.get("/follow-up/" + consenting).body();
        assertThat(page).contains("A. Jansen");
        assertThat(desk.post("/follow-up/" + consenting + "/outcome", Map.of("outcome", "HELP_ACCEPTED"), page).body())
                .contains("Hulp aanvaard");
        nl.startpakket.events.referral.v1.FollowUpOutcomeRecorded outcome = TopicProbe.await(
                nl.startpakket.events.referral.v1.FollowUpOutcomeRecorded.class, e -> e.referralId().equals(consenting), TIMEOUT);
        assertThat(outcome.outcome()).isEqualTo("HELP_ACCEPTED");
        assertThat(http.withBasicAuth("coordinator", "coordinator").getForObject("/api/v1/audit?subject=" + consenting, String.class))
                .contains("view-follow-up-contact").contains("record-follow-up-outcome");

        // erased: the task is gone
        ResponseEntity<String> erased = http.withBasicAuth("coordinator", "coordinator").exchange("/api/v1/referrals/" + consenting
                + "/erasure", HttpMethod.POST, json(Map.of("reason", "test: the parent asked")), String.class);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(team.getForObject("/api/v1/follow-ups", String.class)).doesNotContain(consenting));
        assertThat(team.getForEntity("/api/v1/follow-ups/" + consenting, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    static List<String> statuses(JsonNode history) {
        return history.findValuesAsText("status");
    }
}
