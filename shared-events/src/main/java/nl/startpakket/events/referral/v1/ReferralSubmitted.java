package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/** A partner submitted a referral; the decision (accepted or rejected) follows. */
public record ReferralSubmitted(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
