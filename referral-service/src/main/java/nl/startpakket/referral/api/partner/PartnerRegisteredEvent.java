package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A partner may refer from now on (or not, when registered inactive). */
@Revision("1")
public record PartnerRegisteredEvent(
        String eventId,
        String partnerId,
        PartnerTerms terms,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
