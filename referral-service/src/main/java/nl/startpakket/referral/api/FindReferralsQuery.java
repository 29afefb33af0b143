package nl.startpakket.referral.api;

/** A partner's own referrals, optionally only those with one status. */
public record FindReferralsQuery(String partnerId, ReferralStatus status) {
}
