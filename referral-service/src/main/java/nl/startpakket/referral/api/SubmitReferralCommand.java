package nl.startpakket.referral.api;

import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partner refers a parent. {@code householdKey} is the keyed hash of the normalised postal code,
 * house number and due or birth date: the duplicate check matches on it, never on a plain address.
 */
public record SubmitReferralCommand(
        @TargetAggregateIdentifier String referralId,
        String partnerId,
        IntermediaryType intermediaryType,
        String municipality,
        Phase phase,
        DeliveryDetails details,
        boolean consentFollowUp,
        String householdKey) {
}
