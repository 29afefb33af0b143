package nl.startpakket.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
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

    static PartnerPrincipal key(String partner, String keyId) {
        return new PartnerPrincipal(partner, partner, IntermediaryType.MIDWIFE, List.of("GM0406"), keyId);
    }

    @Test
    void shouldRefuseTheRequestAfterTheCapacityWithTheTimeToWaitWhenTheBucketIsEmpty() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PartnerRateLimiter limiter = new PartnerRateLimiter(3, 3, Duration.ofHours(1), meters, clock);
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
        PartnerRateLimiter limiter = new PartnerRateLimiter(1, 1, Duration.ofHours(1), new SimpleMeterRegistry(), clock);
        assertThat(limiter.tryConsume(key("p", "k1")).allowed()).isTrue();
        assertThat(limiter.tryConsume(key("p", "k1")).allowed()).isFalse();
        assertThat(limiter.tryConsume(key("p", "k2")).allowed()).isTrue();
        assertThat(limiter.tryConsume(key("other", "k1")).allowed()).isTrue();
    }

    @Test
    void shouldAllowAgainWhenTheBucketRefilled() {
        PartnerRateLimiter limiter = new PartnerRateLimiter(2, 2, Duration.ofMinutes(1), new SimpleMeterRegistry(), clock);
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
}
