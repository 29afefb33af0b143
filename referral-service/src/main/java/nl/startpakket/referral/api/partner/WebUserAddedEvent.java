package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A web form user of the partner, with the bcrypt hash of the password only. */
@Revision("1")
public record WebUserAddedEvent(
        String eventId,
        String partnerId,
        String username,
        String passwordHash,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
