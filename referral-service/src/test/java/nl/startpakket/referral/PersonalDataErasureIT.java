package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.Topics;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.referral.v1.PersonalDataErased;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.privacy.DeliveryKeyTransport;
import nl.startpakket.platform.privacy.PersonalDataVault;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.SharedTestInfrastructure;
import nl.startpakket.platform.testing.TopicProbe;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.privacy.ReferralErasure;
import nl.startpakket.referral.privacy.RetentionJob;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Right to erasure by crypto-shredding: personal data is stored and shared only sealed with the
 * referral's data key; erasing deletes the key (vault, tombstone on the key topic), so the event
 * store and the Kafka copies no longer yield it, while status, history and counts stay.
 */
@ServiceIntegrationTest
class PersonalDataErasureIT {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    PartnerAdministration administration;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataVault vault;

    @Autowired
    DeliveryKeyTransport transport;

    @Autowired
    ReferralErasure erasure;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    String partner;
    String key;

    /** A family with values that occur nowhere else, so any plain copy is found. */
    record Family(String name, String street, String postalCode, String phone, String email, String notes, LocalDate dueDate) {

        static Family random() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String tag = Long.toString(r.nextLong(1_000_000_000L, 9_999_999_999L), 36);
            return new Family("Zoë Privacytest" + tag, "Geheimstraat" + tag, (1000 + r.nextInt(9000)) + " " + (char) ('A' + r.nextInt(17))
                    + (char) ('B' + r.nextInt(16)), "06" + (10_000_000 + r.nextInt(89_999_999)), "p" + tag + "@example.org",
                    "Bel aan bij " + tag, LocalDate.now().plusWeeks(21).plusDays(r.nextInt(6)));
        }

        List<String> plainValues() {
            return List.of(name, street, postalCode, postalCode.replace(" ", ""), phone, email, notes, dueDate.toString());
        }

        Map<String, Object> body() {
            Map<String, Object> parent = new HashMap<>(Map.of("name", name, "street", street, "houseNumber", "7", "postalCode", postalCode,
                    "city", "Huizen", "phone", phone, "email", email));
            Map<String, Object> body = new HashMap<>();
            body.put("municipality", "GM0406");
            body.put("phase", "BABY");
            body.put("expectedDueDate", dueDate.toString());
            body.put("parent", parent);
            body.put("deliveryMethod", "HOME_DELIVERY");
            body.put("consentFollowUp", true);
            body.put("notes", notes);
            return body;
        }
    }

    @BeforeEach
    void partner() {
        partner = "it-privacy-" + UUID.randomUUID();
        administration.put("it-coordinator", partner,
                new PartnerTerms("IT privacy", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        key = administration.issueKey("it-coordinator", partner).apiKey();
    }

    @Test
    void erasureMakesTheEventStoreAndTheKafkaCopiesUnreadableWhileStatusAndHistoryStay() throws Exception {
        Family family = Family.random();
        String referralId = submit(family);
        PrivacyProbe probe = new PrivacyProbe(transport);
        DeliveryDetailsShared shared = TopicProbe.await(DeliveryDetailsShared.class, e -> e.referralId().equals(referralId), TIMEOUT);

        // before: sealed everywhere, and the key opens it (nothing was lost, it is only encrypted)
        assertNoPlainPersonalData(referralId, family);
        assertThat(probe.open(shared).recipient().name()).isEqualTo(family.name());
        assertThat(probe.open(shared).notes()).isEqualTo(family.notes());
        assertThat(pageOf(referralId)).contains(family.name());

        TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, "J-" + referralId, "GM0406", Phase.BABY,
                LocalDate.now()));
        awaitView(referralId, v -> "DELIVERED".equals(v.get("status").asText()));

        ResponseEntity<String> erased = coordinator(HttpMethod.POST, "/api/v1/referrals/" + referralId + "/erasure",
                Map.of("reason", "Request of the parent via the midwife, ticket 41"));
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(erased.getBody()).get("erasedNow").asBoolean()).isTrue();
        assertThat(JSON.readTree(erased.getBody()).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(JSON.readTree(coordinator(HttpMethod.POST, "/api/v1/referrals/" + referralId + "/erasure",
                Map.of("reason", "again")).getBody()).get("erasedNow").asBoolean()).isFalse();

        // after: status and history served; the data gone from the vault and from the key topic
        JsonNode view = awaitView(referralId, v -> v.has("personalDataErasedAt"));
        assertThat(view.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(view.get("history").findValuesAsText("event")).containsSubsequence("SUBMITTED", "ACCEPTED", "DELIVERED", "ERASED");
        assertThat(pageOf(referralId)).contains("[erased]").doesNotContain(family.name());
        assertThat(vault.key(referralId, referralId)).isEmpty();
        assertThat(vault.isErased(referralId)).isTrue();
        TopicProbe.await(PersonalDataErased.class, e -> e.referralId().equals(referralId) && "REQUEST".equals(e.reason()), TIMEOUT);
        awaitTombstone(referralId);
        assertThat(probe.keyFromTopic(referralId)).isEmpty();
        assertNoPlainPersonalData(referralId, family);
        assertThat(audit.recent(null, referralId, 10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("erase-personal-data");
            assertThat(entry.actor()).isEqualTo("it-coordinator");
            assertThat(entry.details()).containsEntry("trigger", "REQUEST");
        });

        // once compaction has run, no record on Kafka holds the key any more
        compactKeyTopicSoon();
        Instant deadline = Instant.now().plusSeconds(90);
        while (PrivacyProbe.keyRecords(referralId).stream().anyMatch(r -> r.value() != null) && Instant.now().isBefore(deadline)) {
            TopicProbe.publishRaw(Topics.DELIVERY_KEYS, "R-roll-" + UUID.randomUUID(), null, Map.of());
            Thread.sleep(2000);
        }
        assertThat(PrivacyProbe.keyRecords(referralId)).as("key records left after compaction")
                .allSatisfy(r -> assertThat(r.value()).isNull());
    }

    @Test
    void theRetentionRuleErasesAConfiguredTimeAfterDeliveryOrCancellation() throws Exception {
        String delivered = submit(Family.random());
        String cancelled = submit(Family.random());
        String underWay = submit(Family.random());
        TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), delivered, "J-" + delivered, "GM0406", Phase.BABY,
                LocalDate.now()));
        awaitView(delivered, v -> "DELIVERED".equals(v.get("status").asText()));
        http.exchange("/api/v1/referrals/" + cancelled + "/cancel", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "MOVED_AWAY"), bearer(key)), String.class);
        awaitView(cancelled, v -> "CANCELLED".equals(v.get("status").asText()));
        Instant now = clock.instant();

        // the configured times (180 days after delivery, 30 after cancellation) have not passed yet
        retentionAt(now.plus(Duration.ofDays(29)));
        assertThat(erased(delivered) || erased(cancelled) || erased(underWay)).isFalse();

        retentionAt(now.plus(Duration.ofDays(31)));
        awaitView(cancelled, v -> v.has("personalDataErasedAt"));
        assertThat(erased(delivered)).isFalse();
        assertThat(erased(underWay)).isFalse();

        retentionAt(now.plus(Duration.ofDays(181)));
        JsonNode view = awaitView(delivered, v -> v.has("personalDataErasedAt"));
        assertThat(view.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(view.get("history").findValuesAsText("detail")).contains("RETENTION");
        assertThat(erased(underWay)).isFalse();
        assertThat(vault.isErased(delivered)).isTrue();
        assertThat(vault.key(underWay, underWay)).isPresent();
        assertThat(audit.recent("system", delivered, 10)).anySatisfy(e -> assertThat(e.details()).containsEntry("trigger", "RETENTION"));
        TopicProbe.await(PersonalDataErased.class, e -> e.referralId().equals(delivered) && "RETENTION".equals(e.reason()), TIMEOUT);
    }

    @Test
    void onlyACoordinatorErasesAndOnlyWithAReason() throws Exception {
        String referralId = submit(Family.random());
        String path = "/api/v1/referrals/" + referralId + "/erasure";
        ResponseEntity<String> byPartner = http.exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("reason", "x"), bearer(key)),
                String.class);
        assertThat(byPartner.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(byPartner.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        HttpHeaders volunteer = new HttpHeaders();
        volunteer.setBasicAuth("it-volunteer", "it-volunteer-password");
        volunteer.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("reason", "x"), volunteer), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(coordinator(HttpMethod.POST, path, Map.of("reason", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(coordinator(HttpMethod.POST, "/api/v1/referrals/R-unknown/erasure", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(erased(referralId)).isFalse();
    }

    // --- helpers

    void retentionAt(Instant at) {
        new RetentionJob(erasure, Clock.fixed(at, ZoneId.of("Europe/Amsterdam"))).run();
    }

    boolean erased(String referralId) throws Exception {
        return JSON.readTree(get("/api/v1/referrals/" + referralId).getBody()).has("personalDataErasedAt");
    }

    void assertNoPlainPersonalData(String referralId, Family family) {
        List<Document> events = mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", referralId))
                .into(new java.util.ArrayList<>());
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.stream().map(Document::toJson).toList()).as("raw event documents")
                .anySatisfy(json -> assertThat(json).contains("AES-256-GCM"))
                .allSatisfy(json -> family.plainValues().forEach(value -> assertThat(json).doesNotContain(value)));
        List<Document> snapshots = mongo.getCollection("snapshotevents").find(new Document("aggregateIdentifier", referralId))
                .into(new java.util.ArrayList<>());
        assertThat(snapshots.stream().map(Document::toJson).toList())
                .allSatisfy(json -> family.plainValues().forEach(value -> assertThat(json).doesNotContain(value)));
        List<Document> views = mongo.getCollection("referral_views").find(new Document("_id", referralId)).into(new java.util.ArrayList<>());
        assertThat(views.stream().map(Document::toJson).toList())
                .allSatisfy(json -> family.plainValues().forEach(value -> assertThat(json).doesNotContain(value)));
        assertThat(TopicProbe.readAll(Topics.DELIVERY, Duration.ofSeconds(2)).stream().filter(r -> referralId.equals(r.key())))
                .as("delivery topic records").isNotEmpty()
                .allSatisfy(r -> family.plainValues().forEach(value -> assertThat(PrivacyProbe.text(r.value())).doesNotContain(value)));
        assertThat(PrivacyProbe.keyRecords(referralId)).as("key topic records")
                .allSatisfy(r -> family.plainValues().forEach(value -> assertThat(PrivacyProbe.text(r.value())).doesNotContain(value)));
    }

    void awaitTombstone(String referralId) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = PrivacyProbe.keyRecords(referralId);
            if (!records.isEmpty() && records.get(records.size() - 1).value() == null) {
                return;
            }
        }
        throw new AssertionError("No tombstone for " + referralId + " on " + Topics.DELIVERY_KEYS);
    }

    /** Test broker only: small segments and an immediate compaction lag, so the cleaner runs within seconds. */
    static void compactKeyTopicSoon() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.kafkaBootstrapServers());
        try (AdminClient admin = AdminClient.create(props)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DELIVERY_KEYS);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(
                    new AlterConfigOp(new ConfigEntry("segment.ms", "500"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("max.compaction.lag.ms", "500"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("min.cleanable.dirty.ratio", "0.001"), AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    String submit(Family family) {
        try {
            ResponseEntity<String> response = http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(family.body(),
                    bearer(key)), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode body = JSON.readTree(response.getBody());
            assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
            return body.get("referralId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseEntity<String> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class);
    }

    /** The parent's name as the partner's pages show it (the view, opened through the vault). */
    String pageOf(String referralId) {
        return intake.find(partners.authenticate(key).orElseThrow(), referralId).orElseThrow().getParentName();
    }

    @Autowired
    nl.startpakket.referral.web.ReferralIntake intake;

    ResponseEntity<String> coordinator(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("it-coordinator", "it-coordinator-password");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode awaitView(String referralId, Predicate<JsonNode> condition) {
        return ReferralServiceIT.awaitView(this::get, referralId, condition);
    }
}
