package nl.startpakket.referral.partner;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per partner API key (Bucket4j): {@code capacity} requests at once, refilled with
 * {@code refillTokens} per {@code refillPeriod}. The buckets live in a store all instances of the
 * service share ({@link MongoBucketStore}), so two instances hold one limit, not two. A partner
 * with several keys has a bucket per key; web form users are not limited here.
 */
public class PartnerRateLimiter {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final long capacity;
    private final MeterRegistry meters;

    public PartnerRateLimiter(ProxyManager<String> buckets, long capacity, long refillTokens, Duration refillPeriod,
                              MeterRegistry meters) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity, refill and period");
        }
        this.buckets = buckets;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillTokens, refillPeriod).build())
                .build();
        this.capacity = capacity;
        this.meters = meters;
    }

    /**
     * How a bucket store reads the time: the service's clock (so tests can move it), and a bucket
     * expires once it would be full again.
     */
    public static ClientSideConfig storeConfig(Clock clock) {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        return ClientSideConfig.getDefault()
                .withClientClock(time)
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
    }

    /** Takes a token for the key; the answer says whether the request may go on, and otherwise when to retry. */
    public Decision tryConsume(PartnerPrincipal partner) {
        String key = partner.partnerId() + "/" + (partner.keyId() == null ? "-" : partner.keyId());
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.counter("startpakket.referral.rate.limited", "partner", partner.partnerId()).increment();
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), capacity, probe.isConsumed() ? 0 : retryAfterSeconds);
    }

    /** Whether a request may go on; {@code retryAfterSeconds} when it may not. */
    public record Decision(boolean allowed, long remaining, long limit, long retryAfterSeconds) {
    }
}
