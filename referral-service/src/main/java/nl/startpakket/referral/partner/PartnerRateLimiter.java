package nl.startpakket.referral.partner;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per partner API key (Bucket4j, in memory, per instance): {@code capacity}
 * requests at once, refilled with {@code refillTokens} per {@code refillPeriod}. A partner with
 * several keys has a bucket per key; web form users are not limited here.
 */
public class PartnerRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;
    private final MeterRegistry meters;
    private final TimeMeter time;

    public PartnerRateLimiter(long capacity, long refillTokens, Duration refillPeriod, MeterRegistry meters, Clock clock) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity, refill and period");
        }
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriod = refillPeriod;
        this.meters = meters;
        this.time = new TimeMeter() {
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
    }

    /** Takes a token for the key; the answer says whether the request may go on, and otherwise when to retry. */
    public Decision tryConsume(PartnerPrincipal partner) {
        String key = partner.partnerId() + "/" + (partner.keyId() == null ? "-" : partner.keyId());
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.counter("startpakket.referral.rate.limited", "partner", partner.partnerId()).increment();
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), capacity, probe.isConsumed() ? 0 : retryAfterSeconds);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillTokens, refillPeriod).build())
                .build();
    }

    /** Whether a request may go on; {@code retryAfterSeconds} when it may not. */
    public record Decision(boolean allowed, long remaining, long limit, long retryAfterSeconds) {
    }
}
