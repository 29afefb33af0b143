package nl.startpakket.referral.api;

import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The partner corrects the due date (BABY), the birth date (TODDLER) or the delivery details
 * before packing starts. A null field stays as it is; {@code parent} replaces the whole address.
 */
public record AmendReferralCommand(
        @TargetAggregateIdentifier String referralId,
        String partnerId,
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        ParentDetails parent,
        DeliveryMethod deliveryMethod,
        String notes) {
}
