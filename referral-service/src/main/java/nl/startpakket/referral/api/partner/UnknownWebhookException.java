package nl.startpakket.referral.api.partner;

/** The partner has no webhook with this id. */
public final class UnknownWebhookException extends PartnerRefusedException {

    public UnknownWebhookException(String partnerId, String webhookId) {
        super(partnerId, "No webhook " + webhookId + " of " + partnerId + ".");
    }
}
