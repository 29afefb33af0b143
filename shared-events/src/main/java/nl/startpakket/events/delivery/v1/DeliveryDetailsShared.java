package nl.startpakket.events.delivery.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * The personal data fulfilment needs to pack and deliver one package. Travels only on
 * {@link nl.startpakket.events.Topics#DELIVERY}, which only fulfilment consumes. Sent again when
 * the partner amends the due date or the delivery details.
 */
public record DeliveryDetailsShared(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        DeliveryMethod deliveryMethod,
        Recipient recipient,
        String notes) implements IntegrationEvent {

    /** The parent as the package is addressed. */
    public record Recipient(
            String name,
            String street,
            String houseNumber,
            String postalCode,
            String city,
            String phone,
            String email) {
    }

    @Override
    public String subject() {
        return referralId;
    }
}
