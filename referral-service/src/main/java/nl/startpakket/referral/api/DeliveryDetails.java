package nl.startpakket.referral.api;

import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;

/** What fulfilment needs to pack and deliver: the dates of the phase, the parent and how it is delivered. */
public record DeliveryDetails(
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        ParentDetails parent,
        DeliveryMethod deliveryMethod,
        String notes) {
}
