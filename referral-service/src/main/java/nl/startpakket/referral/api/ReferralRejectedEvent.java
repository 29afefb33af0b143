package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** Not accepted; for a duplicate with the status the first referral had at that moment. */
@Revision("1")
public record ReferralRejectedEvent(
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        String reason,
        ReferralStatus firstReferralStatus,
        Instant occurredAt) {
}
