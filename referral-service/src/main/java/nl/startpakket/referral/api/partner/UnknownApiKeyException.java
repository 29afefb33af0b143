package nl.startpakket.referral.api.partner;

/** The partner has no key with this id. */
public final class UnknownApiKeyException extends PartnerRefusedException {

    public UnknownApiKeyException(String partnerId, String keyId) {
        super(partnerId, "No key " + keyId + " of partner " + partnerId + ".");
    }
}
