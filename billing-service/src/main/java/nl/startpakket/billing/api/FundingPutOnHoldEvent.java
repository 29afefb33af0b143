package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The referral waits in the contract's hold queue: no room under the cap or budget, or the contract ended. */
@Revision("1")
public record FundingPutOnHoldEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate referralDate,
        HoldReason reason,
        LocalDate heldOn,
        Instant occurredAt) {
}
