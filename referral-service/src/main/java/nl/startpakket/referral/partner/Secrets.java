package nl.startpakket.referral.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets Startpakket hands out once: API keys (kept as SHA-256 hashes), initial web form
 * passwords, webhook signing secrets (kept sealed, see {@link WebhookSigningSecrets}).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: a password read from the screen is typed right. */
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int PASSWORD_LENGTH = 16;

    private Secrets() {
    }

    /** A new key: a random key id (safe to show) and {@code spk_<keyId>_<256 random bits>}. */
    public static IssuedApiKey newApiKey(String partnerId) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new IssuedApiKey(partnerId, keyId, "spk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A webhook's id, safe to show: {@code wh-<12 hex digits>}. */
    public static String newWebhookId() {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return "wh-" + HexFormat.of().formatHex(id);
    }

    /** A signing secret as the Standard Webhooks spec writes it: {@code whsec_<base64 of 32 random bytes>}. */
    public static String newWebhookSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "whsec_" + Base64.getEncoder().encodeToString(secret);
    }

    /** A password of 16 characters (about 93 bits), for the coordinator to pass on once. */
    public static String newPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** SHA-256 of the key as 64 lower-case hex digits: what is stored and looked up. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
