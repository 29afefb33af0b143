package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** A delivery from before Startpakket that no contract covers yet: held until a contract valid on its delivery date is attached. */
@Revision("1")
public record HistoricDeliveryBackloggedEvent(
        String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        Instant occurredAt) {
}
