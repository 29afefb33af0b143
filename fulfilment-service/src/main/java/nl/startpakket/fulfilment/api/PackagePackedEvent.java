package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The package is packed and ready to hand over. */
@Revision("1")
public record PackagePackedEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        String volunteer,
        LocalDate packedOn,
        Instant occurredAt) {
}
