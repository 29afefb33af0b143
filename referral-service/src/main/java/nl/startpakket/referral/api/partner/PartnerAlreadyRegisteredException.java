package nl.startpakket.referral.api.partner;

/** The partner id is taken: change the partner's terms instead. */
public final class PartnerAlreadyRegisteredException extends PartnerRefusedException {

    public PartnerAlreadyRegisteredException(String partnerId) {
        super(partnerId, "Partner " + partnerId + " is already registered.");
    }
}
