package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import org.axonframework.serialization.Revision;

/**
 * A partner submitted a referral. Revision 2: the personal data ({@link ReferralPersonalData})
 * only sealed with the referral's data key; revision 1 carried it in plain ({@code details},
 * {@code householdKey}) and reads back without it.
 */
@Revision("2")
public record ReferralSubmittedEvent(
        String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        LocalDate referralDate,
        DeliveryMethod deliveryMethod,
        SealedData personalData,
        boolean consentFollowUp,
        Instant occurredAt) {
}
