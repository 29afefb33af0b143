package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** A slot under the contract is reserved for the referral at the price of its phase. */
@Revision("1")
public record FundingReservedEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate referralDate,
        Money amount,
        boolean fromHoldQueue,
        LocalDate reservedOn,
        Instant occurredAt) {
}
