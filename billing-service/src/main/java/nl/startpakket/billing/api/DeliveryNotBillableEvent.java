package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * A delivery arrived for a referral without a reservation under this contract (held, released
 * or unknown). It is not billed (that could exceed the cap); it is kept for reconciliation.
 */
@Revision("1")
public record DeliveryNotBillableEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        String reason,
        Instant occurredAt) {
}
