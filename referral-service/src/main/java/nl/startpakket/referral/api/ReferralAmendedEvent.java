package nl.startpakket.referral.api;

import java.time.Instant;
import java.util.List;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import org.axonframework.serialization.Revision;

/**
 * The delivery details after an amendment (all of them, with the new household key, sealed with
 * the referral's data key), and which fields changed. Revision 1 carried them in plain.
 */
@Revision("2")
public record ReferralAmendedEvent(
        String referralId,
        String partnerId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        SealedData personalData,
        List<String> changedFields,
        Instant occurredAt) {
}
