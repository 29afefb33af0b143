package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The partner's terms as they are now (all of them, not only what changed). */
@Revision("1")
public record PartnerTermsChangedEvent(
        String eventId,
        String partnerId,
        PartnerTerms terms,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
