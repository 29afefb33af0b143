package nl.startpakket.referral.partner;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import nl.startpakket.events.SealedData;
import nl.startpakket.platform.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets are needed again at every send, so they cannot be hashed like API keys:
 * they are sealed (AES-256-GCM) with a key derived from the service's vault secret
 * ({@code startpakket.privacy.vault-secret}, from the environment, never the database) and bound to
 * their partner and webhook. Only the sealed value is in events, the directory and the logs.
 */
@Component
public class WebhookSigningSecrets {

    static final String PURPOSE = "startpakket-webhook-signing-secrets";

    private final SecretKey key;

    public WebhookSigningSecrets(@Value("${startpakket.privacy.vault-secret}") String vaultSecret) {
        this.key = PersonalDataCipher.deriveKey(vaultSecret, PURPOSE);
    }

    public SealedData seal(String partnerId, String webhookId, String secret) {
        return PersonalDataCipher.seal(key, "webhook", secret.getBytes(StandardCharsets.UTF_8), subject(partnerId, webhookId));
    }

    public String open(String partnerId, String webhookId, SealedData sealed) {
        return new String(PersonalDataCipher.open(sealed, key, subject(partnerId, webhookId)), StandardCharsets.UTF_8);
    }

    private static String subject(String partnerId, String webhookId) {
        return partnerId + "|" + webhookId;
    }
}
