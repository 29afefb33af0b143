package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The user's e-mail address for status changes (null: none) and their language; mail goes out from {@code occurredAt} on. */
@Revision("1")
public record WebUserEmailChangedEvent(
        String eventId,
        String partnerId,
        String username,
        String email,
        String language,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
