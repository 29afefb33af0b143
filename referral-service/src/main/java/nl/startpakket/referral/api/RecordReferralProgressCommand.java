package nl.startpakket.referral.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Another service reported progress (funding, packing, delivery). Idempotent on
 * {@code sourceEventId}: a redelivered integration event changes nothing.
 */
public record RecordReferralProgressCommand(
        @TargetAggregateIdentifier String referralId,
        ReferralStatus stage,
        Instant reachedAt,
        String sourceEventId,
        String detail) {
}
