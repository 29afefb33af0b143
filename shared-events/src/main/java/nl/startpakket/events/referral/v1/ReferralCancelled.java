package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** The referral was withdrawn (pregnancy ended, moved away, no longer needed). */
public record ReferralCancelled(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate cancelledOn,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
