package nl.startpakket.referral.api.partner;

/** The partner already has a user with this name: reset its password instead. */
public final class WebUserExistsException extends PartnerRefusedException {

    public WebUserExistsException(String partnerId, String username) {
        super(partnerId, "User " + username + " of " + partnerId + " exists already.");
    }
}
