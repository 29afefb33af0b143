package nl.startpakket.referral.api;

import java.time.Instant;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * The referral's personal data was erased: its data key is deleted, so every sealed copy (events,
 * snapshots, read models, Kafka) is unreadable. Status, history and counts stay.
 */
@Revision("1")
public record ReferralDataErasedEvent(
        String referralId,
        String partnerId,
        String municipality,
        Phase phase,
        ErasureReason reason,
        String requestedBy,
        Instant occurredAt) {
}
