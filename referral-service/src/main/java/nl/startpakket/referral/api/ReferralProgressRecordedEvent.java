package nl.startpakket.referral.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Another service reported a stage. {@code statusChanged} is false when the referral had already
 * gone further (or ended): the stage is history only.
 */
@Revision("1")
public record ReferralProgressRecordedEvent(
        String referralId,
        ReferralStatus stage,
        Instant reachedAt,
        String sourceEventId,
        String detail,
        boolean statusChanged,
        Instant occurredAt) {
}
