package nl.startpakket.referral.api;

import java.time.Instant;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The social team's outcome of a follow-up; a later one replaces an earlier one. */
@Revision("1")
public record FollowUpOutcomeRecordedEvent(
        String referralId,
        String municipality,
        Phase phase,
        FollowUpOutcome outcome,
        String recordedBy,
        Instant occurredAt) {
}
