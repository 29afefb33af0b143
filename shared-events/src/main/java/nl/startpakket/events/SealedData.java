package nl.startpakket.events;

/**
 * Personal data encrypted with a data key per referral (crypto-shredding: when the key is deleted,
 * every copy of this value, wherever it is stored, can no longer be read). {@code algorithm} is
 * {@code AES-256-GCM}; {@code nonce} and {@code ciphertext} (with the authentication tag) are
 * Base64. The referral id is the associated data, so a value cannot be moved to another referral.
 */
public record SealedData(String algorithm, String keyId, String nonce, String ciphertext) {

    public static final String AES_256_GCM = "AES-256-GCM";
}
