package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * A delivery from before Startpakket goes to the contract valid on its delivery date.
 *
 * @param fromBacklog it waited until that contract was attached
 */
@Revision("1")
public record HistoricDeliveryRoutedEvent(
        String routeId,
        String municipality,
        String referralId,
        String contractId,
        Phase phase,
        LocalDate deliveredOn,
        boolean fromBacklog,
        Instant occurredAt) {
}
