package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The family has the package. */
@Revision("1")
public record PackageDeliveredEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate deliveredOn,
        String confirmedBy,
        Instant occurredAt) {
}
