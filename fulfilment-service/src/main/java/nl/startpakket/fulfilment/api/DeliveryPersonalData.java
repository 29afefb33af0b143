package nl.startpakket.fulfilment.api;

import java.time.LocalDate;

/**
 * The personal data of a delivery as it is sealed (the {@code PersonalData} of
 * {@code delivery.DeliveryDetailsShared} v2): the dates of the phase, the recipient and notes.
 */
public record DeliveryPersonalData(
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        Recipient recipient,
        String notes) {
}
