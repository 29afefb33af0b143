package nl.startpakket.referral.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner withdraws its referral (pregnancy ended, moved away, no longer needed). */
public record CancelReferralCommand(@TargetAggregateIdentifier String referralId, String partnerId, String reason) {
}
