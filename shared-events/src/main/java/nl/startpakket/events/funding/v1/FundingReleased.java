package nl.startpakket.events.funding.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** A reservation (or a place in the hold queue) was given up, e.g. because the referral was cancelled. */
public record FundingReleased(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String contractId,
        String municipality,
        Phase phase,
        LocalDate releasedOn,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
