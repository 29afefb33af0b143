package nl.startpakket.referral.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the Standard Webhooks spec: {@code webhook-signature: v1,<base64 HMAC-SHA256>}
 * over {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded part of the
 * secret after {@code whsec_}.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
