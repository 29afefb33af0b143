package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * A delivered package opened a follow-up for the municipality's social team: the parent agreed to
 * be contacted about further help. Carries no personal data: who the family is stays in referral.
 */
public record FollowUpOpened(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate deliveredOn) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
