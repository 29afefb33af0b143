package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * The package left the foundation: picked up by the intermediary or handed to a carrier.
 * {@code daysBeforeDueDate} is derived for BABY packages (negative when after the due date),
 * null otherwise, so no due date travels.
 */
public record PackageHandedOver(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId,
        String municipality,
        Phase phase,
        LocalDate handedOverOn,
        DeliveryMethod deliveryMethod,
        Integer daysBeforeDueDate) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
