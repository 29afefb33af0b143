package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The package left the foundation; {@code daysBeforeDueDate} only for BABY packages (negative when late). */
@Revision("1")
public record PackageHandedOverEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        String carrierReference,
        String handedOverBy,
        LocalDate handedOverOn,
        Integer daysBeforeDueDate,
        Instant occurredAt) {
}
