package nl.startpakket.referral.api;

/** A partner addressed a referral that is not its own: answered as "not found". */
public class ReferralOwnershipException extends RuntimeException {

    public ReferralOwnershipException(String referralId) {
        super("No referral " + referralId);
    }
}
