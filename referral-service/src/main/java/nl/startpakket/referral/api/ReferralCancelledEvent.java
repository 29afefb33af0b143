package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralCancelledEvent(
        String referralId,
        String partnerId,
        String municipality,
        Phase phase,
        LocalDate cancelledOn,
        String reason,
        Instant occurredAt) {
}
