package nl.startpakket.referral.api.partner;

/** The partner has no web form user with this name. */
public final class UnknownWebUserException extends PartnerRefusedException {

    public UnknownWebUserException(String partnerId, String username) {
        super(partnerId, "No user " + username + " of " + partnerId + ".");
    }
}
