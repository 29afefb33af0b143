package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A key for the partner's system; only its SHA-256 hash (hex) is stored, never the key. */
@Revision("1")
public record ApiKeyIssuedEvent(
        String eventId,
        String partnerId,
        String keyId,
        String keyHash,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
