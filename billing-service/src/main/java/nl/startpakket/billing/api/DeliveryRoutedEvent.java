package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The delivery of a routed referral goes to the contract that funds it. */
@Revision("1")
public record DeliveryRoutedEvent(
        String routeId,
        String municipality,
        String referralId,
        String contractId,
        Phase phase,
        LocalDate deliveredOn,
        Instant occurredAt) {
}
