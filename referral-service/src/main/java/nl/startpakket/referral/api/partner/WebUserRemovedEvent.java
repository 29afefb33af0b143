package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The user may no longer sign in; the name is free again. */
@Revision("1")
public record WebUserRemovedEvent(
        String eventId,
        String partnerId,
        String username,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
