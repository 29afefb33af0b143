package nl.startpakket.fulfilment.api;

import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The referral service shared (or amended) where and when the package must go; the personal data
 * sealed with the referral's data key (null when it was erased before it was shared).
 */
public record RecordDeliveryDetailsCommand(
        @TargetAggregateIdentifier String jobId,
        String referralId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        SealedData personalData) {
}
