package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** A reservation ({@code wasReserved}) or a place in the hold queue was given up. */
@Revision("1")
public record FundingReleasedEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        boolean wasReserved,
        Money amount,
        String reason,
        LocalDate releasedOn,
        Instant occurredAt) {
}
