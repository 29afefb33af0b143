package nl.startpakket.referral.partner;

/** A new API key as shown once to the coordinator; only its hash is kept. */
public record IssuedApiKey(String partnerId, String keyId, String apiKey) {
}
