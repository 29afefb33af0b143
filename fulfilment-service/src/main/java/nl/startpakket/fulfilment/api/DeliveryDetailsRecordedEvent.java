package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** Where and when the package must go (personal data, kept only in this service). */
@Revision("1")
public record DeliveryDetailsRecordedEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        DeliveryMethod deliveryMethod,
        Recipient recipient,
        String notes,
        Instant occurredAt) {
}
