package nl.startpakket.referral.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the referral's personal data (crypto-shredding: its data key is deleted). A referral that
 * is still under way is withdrawn first. Erasing again changes nothing; answers whether the data
 * was erased now.
 */
public record EraseReferralDataCommand(@TargetAggregateIdentifier String referralId, ErasureReason reason, String requestedBy) {
}
