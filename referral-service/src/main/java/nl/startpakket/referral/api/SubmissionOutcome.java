package nl.startpakket.referral.api;

/**
 * The decision on a submitted referral, known when the command returns: ACCEPTED, or REJECTED
 * with a reason; for a duplicate the status of the first referral (never who referred it).
 */
public record SubmissionOutcome(String referralId, ReferralStatus status, String reason, ReferralStatus firstReferralStatus) {

    public static SubmissionOutcome accepted(String referralId) {
        return new SubmissionOutcome(referralId, ReferralStatus.ACCEPTED, null, null);
    }

    public static SubmissionOutcome duplicate(String referralId, ReferralStatus firstReferralStatus) {
        return new SubmissionOutcome(referralId, ReferralStatus.REJECTED, RejectionReason.DUPLICATE, firstReferralStatus);
    }
}
