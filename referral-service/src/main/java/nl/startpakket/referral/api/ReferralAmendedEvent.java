package nl.startpakket.referral.api;

import java.time.Instant;
import java.util.List;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The delivery details after an amendment (all of them), and which fields changed. */
@Revision("1")
public record ReferralAmendedEvent(
        String referralId,
        String partnerId,
        String municipality,
        Phase phase,
        DeliveryDetails details,
        String householdKey,
        List<String> changedFields,
        Instant occurredAt) {
}
