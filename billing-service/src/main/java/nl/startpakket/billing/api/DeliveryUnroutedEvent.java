package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** A delivery for a referral this municipality never routed to a contract: kept, not billed. */
@Revision("1")
public record DeliveryUnroutedEvent(
        String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        String reason,
        Instant occurredAt) {
}
