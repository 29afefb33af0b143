package nl.startpakket.referral.api;

/** One referral as its partner sees it; another partner's referral is not found. */
public record FindReferralQuery(String partnerId, String referralId) {
}
