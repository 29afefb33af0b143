package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A new password for the user (bcrypt hash only). */
@Revision("1")
public record WebUserPasswordResetEvent(
        String eventId,
        String partnerId,
        String username,
        String passwordHash,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
