package nl.startpakket.referral.api.partner;

/** A partner command refused by a rule of the partner aggregate (or for an unknown partner). */
public abstract sealed class PartnerRefusedException extends RuntimeException permits UnknownPartnerException,
        PartnerAlreadyRegisteredException, UnknownApiKeyException, UnknownWebUserException, WebUserExistsException,
        UserNameTakenException, UnknownWebhookException {

    private final String partnerId;

    protected PartnerRefusedException(String partnerId, String message) {
        super(message);
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }
}
