package nl.startpakket.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.startpakket.events.IntermediaryType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerRateLimiterTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();

    static MongoServer server;
    static MongoClient client;
    MongoCollection<Document> buckets;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyStore() {
        buckets = client.getDatabase("rate-limits-" + UUID.randomUUID()).getCollection(MongoBucketStore.COLLECTION);
    }

    /** A limiter as one instance of the service has it: its own store client on the shared collection. */
    PartnerRateLimiter limiter(long capacity, long refill, Duration period, SimpleMeterRegistry meters) {
        return new PartnerRateLimiter(new MongoBucketStore(buckets, PartnerRateLimiter.storeConfig(clock)), capacity, refill,
                period, meters);
    }

    static PartnerPrincipal key(String partner, String keyId) {
        return new PartnerPrincipal(partner, partner, IntermediaryType.MIDWIFE, List.of("GM0406"), keyId);
    }

    @Test
    void shouldRefuseTheRequestAfterTheCapacityWithTheTimeToWaitWhenTheBucketIsEmpty() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PartnerRateLimiter limiter = limiter(3, 3, Duration.ofHours(1), meters);
        PartnerPrincipal partner = key("p", "k1");

        assertThat(limiter.tryConsume(partner).allowed()).isTrue();
        assertThat(limiter.tryConsume(partner).allowed()).isTrue();
        PartnerRateLimiter.Decision last = limiter.tryConsume(partner);
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        PartnerRateLimiter.Decision refused = limiter.tryConsume(partner);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1200L);
        assertThat(meters.counter("startpakket.referral.rate.limited", "partner", "p").count()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepABucketPerApiKeyWhenAPartnerHasSeveralKeys() {
        PartnerRateLimiter limiter = limiter(1, 1, Duration.ofHours(1), new SimpleMeterRegistry());
        assertThat(limiter.tryConsume(key("p", "k1")).allowed()).isTrue();
        assertThat(limiter.tryConsume(key("p", "k1")).allowed()).isFalse();
        assertThat(limiter.tryConsume(key("p", "k2")).allowed()).isTrue();
        assertThat(limiter.tryConsume(key("other", "k1")).allowed()).isTrue();
    }

    @Test
    void shouldAllowAgainWhenTheBucketRefilled() {
        PartnerRateLimiter limiter = limiter(2, 2, Duration.ofMinutes(1), new SimpleMeterRegistry());
        limiter.tryConsume(key("p", "k"));
        limiter.tryConsume(key("p", "k"));
        PartnerRateLimiter.Decision refused = limiter.tryConsume(key("p", "k"));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        clock.now = clock.now.plusSeconds(29);
        assertThat(limiter.tryConsume(key("p", "k")).allowed()).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.tryConsume(key("p", "k")).allowed()).isTrue();
    }

    @Test
    void shouldHoldOneLimitForAKeyUsedAtTwoInstances() {
        PartnerRateLimiter first = limiter(3, 3, Duration.ofHours(1), new SimpleMeterRegistry());
        PartnerRateLimiter second = limiter(3, 3, Duration.ofHours(1), new SimpleMeterRegistry());

        assertThat(first.tryConsume(key("p", "k")).allowed()).isTrue();
        assertThat(second.tryConsume(key("p", "k")).allowed()).isTrue();
        assertThat(first.tryConsume(key("p", "k")).remaining()).isZero();

        assertThat(second.tryConsume(key("p", "k")).allowed()).isFalse();
        assertThat(first.tryConsume(key("p", "k")).allowed()).isFalse();
    }

    @Test
    void shouldNeverAllowMoreThanTheCapacityWhenInstancesRaceForTheLastTokens() throws Exception {
        List<PartnerRateLimiter> instances = List.of(limiter(50, 1, Duration.ofHours(1), new SimpleMeterRegistry()),
                limiter(50, 1, Duration.ofHours(1), new SimpleMeterRegistry()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                PartnerRateLimiter instance = instances.get(i % 2);
                attempts.add(threads.submit(() -> instance.tryConsume(key("p", "k")).allowed()));
            }
            long allowed = 0;
            for (Future<Boolean> attempt : attempts) {
                allowed += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(50);
        } finally {
            threads.shutdownNow();
        }
    }
}
