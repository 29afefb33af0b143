package nl.startpakket.referral.api.partner;

/** No partner with this id is registered. */
public final class UnknownPartnerException extends PartnerRefusedException {

    public UnknownPartnerException(String partnerId) {
        super(partnerId, "No partner " + partnerId + ".");
    }
}
