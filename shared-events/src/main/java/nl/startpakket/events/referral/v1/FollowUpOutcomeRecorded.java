package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * The social team recorded how a follow-up went: {@code CONTACTED}, {@code HELP_ACCEPTED},
 * {@code DECLINED} or {@code UNREACHABLE}. A later outcome of the same referral replaces an
 * earlier one. No personal data, not who recorded it.
 */
public record FollowUpOutcomeRecorded(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        String outcome,
        LocalDate recordedOn) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
