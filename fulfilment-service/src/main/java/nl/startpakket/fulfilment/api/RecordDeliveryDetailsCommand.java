package nl.startpakket.fulfilment.api;

import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The referral service shared (or amended) where and when the package must go. */
public record RecordDeliveryDetailsCommand(
        @TargetAggregateIdentifier String jobId,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        DeliveryMethod deliveryMethod,
        Recipient recipient,
        String notes) {
}
