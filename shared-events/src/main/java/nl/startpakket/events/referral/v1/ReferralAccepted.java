package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * A referral passed validation and the duplicate check: it asks for funding. Carries no personal
 * data; {@code pregnancyWeekAtReferral} is derived (BABY only, otherwise null) so no due date
 * leaves the referral service on this topic.
 */
public record ReferralAccepted(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        DeliveryMethod deliveryMethod,
        boolean consentFollowUp,
        Integer pregnancyWeekAtReferral) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
