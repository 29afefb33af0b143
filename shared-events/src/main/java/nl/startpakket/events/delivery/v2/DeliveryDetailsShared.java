package nl.startpakket.events.delivery.v2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;

/**
 * Version 2 of {@code delivery.DeliveryDetailsShared}: what fulfilment needs to pack and deliver
 * one package, with the personal data encrypted. {@code personalData} is a {@link PersonalData}
 * as JSON, sealed with the referral's data key; the key travels on
 * {@link nl.startpakket.events.Topics#DELIVERY_KEYS} (compacted, keyed by referral id) and is
 * deleted there (a tombstone) when the referral's personal data is erased, so every copy of this
 * record on the topic becomes unreadable. {@code personalData} is null when the data was erased
 * before the details were shared.
 */
public record DeliveryDetailsShared(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        SealedData personalData) implements IntegrationEvent {

    /** The sealed part: the dates of the phase, the parent as the package is addressed, notes. */
    public record PersonalData(
            LocalDate expectedDueDate,
            LocalDate childBirthDate,
            Recipient recipient,
            String notes) {
    }

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
