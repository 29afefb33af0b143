package nl.startpakket.referral.api;

/** Reason codes of {@link ReferralRejectedEvent}, as they travel on the referral topic. */
public final class RejectionReason {

    /** The same household already has a referral of this phase that was not cancelled. */
    public static final String DUPLICATE = "DUPLICATE";

    private RejectionReason() {
    }
}
