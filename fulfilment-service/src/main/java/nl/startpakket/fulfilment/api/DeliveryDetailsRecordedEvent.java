package nl.startpakket.fulfilment.api;

import java.time.Instant;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import org.axonframework.serialization.Revision;

/**
 * Where and when the package must go. Revision 2: the personal data ({@link DeliveryPersonalData}:
 * due or birth date, recipient, notes) only sealed with the referral's data key, as the referral
 * service shared it; erasing the key makes every stored copy unreadable. Revision 1 carried it in
 * plain and reads back without it.
 */
@Revision("2")
public record DeliveryDetailsRecordedEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        SealedData personalData,
        Instant occurredAt) {
}
