package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralSubmittedEvent(
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        DeliveryDetails details,
        boolean consentFollowUp,
        String householdKey,
        Instant occurredAt) {
}
