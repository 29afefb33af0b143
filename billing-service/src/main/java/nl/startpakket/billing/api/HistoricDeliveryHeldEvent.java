package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * A delivery from before Startpakket that the contract has no room for (cap or budget reached):
 * not billed; an amendment that makes room bills it, after the referrals that wait for a slot.
 */
@Revision("1")
public record HistoricDeliveryHeldEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        HoldReason reason,
        Instant occurredAt) {
}
