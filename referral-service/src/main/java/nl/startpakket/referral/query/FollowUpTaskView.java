package nl.startpakket.referral.query;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.FollowUpOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A follow-up task of a municipality's social team: which referral, its phase and delivery date,
 * and the outcome so far. No personal data: the family's contact details stay sealed with the
 * referral and are opened only on the task's page.
 */
@Document("follow_up_tasks")
public record FollowUpTaskView(
        @Id String referralId,
        String municipality,
        Phase phase,
        LocalDate deliveredOn,
        Instant openedAt,
        FollowUpOutcome outcome,
        Instant outcomeAt,
        String recordedBy) {

    FollowUpTaskView withOutcome(FollowUpOutcome newOutcome, Instant at, String by) {
        return new FollowUpTaskView(referralId, municipality, phase, deliveredOn, openedAt, newOutcome, at, by);
    }
}
