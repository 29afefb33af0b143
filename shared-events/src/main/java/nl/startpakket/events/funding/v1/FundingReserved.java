package nl.startpakket.events.funding.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** A slot under a municipal contract is reserved for the referral: it may be packed. */
public record FundingReserved(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String contractId,
        String municipality,
        Phase phase,
        LocalDate reservedOn) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
