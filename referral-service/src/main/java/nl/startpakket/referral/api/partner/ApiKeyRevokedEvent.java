package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The key is refused from now on. */
@Revision("1")
public record ApiKeyRevokedEvent(
        String eventId,
        String partnerId,
        String keyId,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
