package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/** A referral was not accepted; {@code reason} is a code such as {@code DUPLICATE}. */
public record ReferralRejected(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
