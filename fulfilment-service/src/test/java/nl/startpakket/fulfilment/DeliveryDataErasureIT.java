package nl.startpakket.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKey;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import nl.startpakket.events.Topics;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackingJobQueued;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.PersonalDataErased;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.privacy.DeliveryKeyTransport;
import nl.startpakket.platform.privacy.PersonalDataCipher;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Fulfilment's side of crypto-shredding: sealed delivery details are opened with its own copy of
 * the referral's data key (from the compacted key topic) for the holder and coordinators only;
 * the key's tombstone (or {@code referral.PersonalDataErased}) deletes that copy, and the job
 * shows "[erased]" while it goes on.
 */
@ServiceIntegrationTest
class DeliveryDataErasureIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Autowired
    TestRestTemplate http;

    @Autowired
    DeliveryKeyTransport transport;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail audit;

    /** As the referral service shares it: the key on its topic, then the sealed details. */
    record Shared(String referralId, SecretKey key, DeliveryDetailsShared details, List<String> plainValues) {
    }

    Shared share(Phase phase, LocalDate due, boolean keyFirst) throws Exception {
        String referralId = "R-" + UUID.randomUUID();
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L), 36);
        DeliveryDetailsShared.PersonalData personal = new DeliveryDetailsShared.PersonalData(due, null,
                new DeliveryDetailsShared.Recipient("Fenna Sleutel" + tag, "Kluisweg" + tag, "9", "1271 ZK", "Huizen", "0687" + tag.length(),
                        "f" + tag + "@example.org"), "Hond " + tag);
        SecretKey key = PersonalDataCipher.newKey();
        SealedData sealed = PersonalDataCipher.seal(key, referralId, JSON.writeValueAsBytes(personal), referralId);
        DeliveryDetailsShared details = new DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId, "GM0406", phase,
                DeliveryMethod.HOME_DELIVERY, sealed);
        if (keyFirst) {
            publishKey(referralId, key);
        }
        TopicProbe.publish(details);
        return new Shared(referralId, key, details, List.of("Fenna Sleutel" + tag, "Kluisweg" + tag, "f" + tag + "@example.org",
                "Hond " + tag, due.toString()));
    }

    void publishKey(String referralId, SecretKey key) {
        TopicProbe.publishRaw(Topics.DELIVERY_KEYS, referralId, transport.encode(referralId, referralId, key, Instant.now()), Map.of());
    }

    JsonNode job(String user, String jobId) {
        return http.withBasicAuth(user, user).getForObject("/api/v1/jobs/" + jobId, JsonNode.class);
    }

    @Test
    void shouldOpenSealedDetailsForCoordinatorsAndShowErasedAfterTheKeysTombstone() throws Exception {
        LocalDate due = LocalDate.now().plusWeeks(12);
        Shared shared = share(Phase.BABY, due, true);
        String jobId = "J-" + shared.referralId();
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), shared.referralId(), "huizen-2026", "GM0406",
                Phase.BABY, LocalDate.now()));

        PackingJobQueued queued = TopicProbe.await(PackingJobQueued.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(queued.deadline()).isEqualTo(due.minusWeeks(4));
        JsonNode seen = await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> j != null && j.get("recipient").isObject());
        assertThat(seen.get("recipient").get("name").asText()).isEqualTo(shared.plainValues().get(0));
        assertThat(seen.get("personalDataErased").asBoolean()).isFalse();
        assertThat(job("volunteer", jobId).get("recipient").isNull()).isTrue();
        assertNoPlainCopies(jobId, shared.plainValues());

        TopicProbe.publishRaw(Topics.DELIVERY_KEYS, shared.referralId(), null, Map.of());

        JsonNode erased = await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> j.get("personalDataErased").asBoolean());
        assertThat(erased.get("recipient").get("name").asText()).isEqualTo("[erased]");
        assertThat(erased.get("recipient").get("street").asText()).isEqualTo("[erased]");
        assertThat(erased.get("notes").asText()).isEqualTo("[erased]");
        assertThat(erased.get("status").asText()).isEqualTo("QUEUED");
        assertThat(erased.toString()).doesNotContain(shared.plainValues().get(0));
        assertNoPlainCopies(jobId, shared.plainValues());
        assertThat(audit.recent("system", jobId, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("erase-personal-data");
            assertThat(e.details()).containsEntry("trigger", "delivery-key-tombstone");
        });

        // the job goes on without the address: claimed, packed, and the page shows "[erased]"
        assertThat(post("volunteer", "/api/v1/jobs/" + jobId + "/claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(job("volunteer", jobId).get("recipient").get("name").asText()).isEqualTo("[erased]");
        assertThat(audit.recent("volunteer", jobId, 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("claim-job"));
        // a late copy of the key never comes back
        publishKey(shared.referralId(), shared.key());
        Thread.sleep(1000);
        assertThat(job("coordinator", jobId).get("personalDataErased").asBoolean()).isTrue();
    }

    @Test
    void shouldWaitForTheKeyWhenTheDetailsArriveFirst() throws Exception {
        LocalDate due = LocalDate.now().plusWeeks(15);
        Shared shared = share(Phase.BABY, due, false);
        String jobId = "J-" + shared.referralId();
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), shared.referralId(), "huizen-2026", "GM0406",
                Phase.BABY, LocalDate.now()));
        Thread.sleep(1500);
        publishKey(shared.referralId(), shared.key());

        PackingJobQueued queued = TopicProbe.await(PackingJobQueued.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(queued.deadline()).isEqualTo(due.minusWeeks(4));
        assertThat(await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> j != null && j.get("recipient").isObject())
                .get("notes").asText()).isEqualTo(shared.plainValues().get(3));
    }

    @Test
    void shouldSealDetailsSharedInPlainByAnOlderReferralServiceAndEraseThemOnPersonalDataErased() {
        String referralId = "R-" + UUID.randomUUID();
        String jobId = "J-" + referralId;
        String name = "Oud Formaat " + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.publish(new nl.startpakket.events.delivery.v1.DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId,
                "GM0406", Phase.TODDLER, null, LocalDate.now().minusMonths(9), DeliveryMethod.PICKUP_BY_INTERMEDIARY,
                new nl.startpakket.events.delivery.v1.DeliveryDetailsShared.Recipient(name, "Lindelaan", "4", "1271 KL", "Huizen", null, null),
                "achterom"));
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", Phase.TODDLER,
                LocalDate.now()));
        await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> j != null && j.get("recipient").isObject());
        assertNoPlainCopies(jobId, List.of(name, "Lindelaan", "achterom"));

        TopicProbe.publish(new PersonalDataErased(UUID.randomUUID(), Instant.now(), referralId, "GM0406", Phase.TODDLER, LocalDate.now(),
                "REQUEST"));

        JsonNode erased = await().atMost(TIMEOUT).until(() -> job("coordinator", jobId), j -> j.get("personalDataErased").asBoolean());
        assertThat(erased.get("recipient").get("name").asText()).isEqualTo("[erased]");
    }

    void assertNoPlainCopies(String jobId, List<String> plainValues) {
        List<String> stored = new java.util.ArrayList<>();
        mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", jobId)).forEach(d -> stored.add(d.toJson()));
        assertThat(stored).as("raw job events").isNotEmpty().anySatisfy(json -> assertThat(json).contains("personalData"));
        mongo.getCollection("snapshotevents").find(new Document("aggregateIdentifier", jobId)).forEach(d -> stored.add(d.toJson()));
        mongo.getCollection("job_queue").find(new Document("_id", jobId)).forEach(d -> stored.add(d.toJson()));
        assertThat(stored).allSatisfy(json -> plainValues.forEach(value -> assertThat(json).doesNotContain(value)));
    }

    org.springframework.http.ResponseEntity<JsonNode> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(null, headers), JsonNode.class);
    }
}
