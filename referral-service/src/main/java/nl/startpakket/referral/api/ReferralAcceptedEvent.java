package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import org.axonframework.serialization.Revision;

/**
 * Passed the duplicate check. Carries the delivery details fulfilment will receive, sealed with
 * the referral's data key (revision 2; revision 1 carried them in plain).
 */
@Revision("2")
public record ReferralAcceptedEvent(
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        DeliveryMethod deliveryMethod,
        SealedData personalData,
        boolean consentFollowUp,
        Integer pregnancyWeekAtReferral,
        Instant occurredAt) {
}
