package nl.startpakket.referral.api;

/** An amendment would make this referral the same household as another referral of the phase. */
public class DuplicateHouseholdException extends ReferralStateException {

    private final ReferralStatus firstReferralStatus;

    public DuplicateHouseholdException(ReferralStatus firstReferralStatus) {
        super("Another referral of this phase exists for this household (status " + firstReferralStatus + ").");
        this.firstReferralStatus = firstReferralStatus;
    }

    public ReferralStatus firstReferralStatus() {
        return firstReferralStatus;
    }
}
