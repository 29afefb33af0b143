package nl.startpakket.referral.api.partner;

/** User names are unique across partners: this one belongs to another partner. */
public final class UserNameTakenException extends PartnerRefusedException {

    public UserNameTakenException(String partnerId, String username) {
        super(partnerId, "User " + username + " belongs to another partner.");
    }
}
