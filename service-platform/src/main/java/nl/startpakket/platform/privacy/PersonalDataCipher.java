package nl.startpakket.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.startpakket.events.SealedData;

/**
 * AES-256-GCM for personal data: a random 96-bit nonce per value, a 128-bit tag, and associated
 * data that binds the value to its subject (a referral id), so ciphertext cannot be moved between
 * referrals unnoticed. A wrong key, a changed value or another subject fails to open.
 */
public final class PersonalDataCipher {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {
    }

    /** A fresh random 256-bit data key. */
    public static SecretKey newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key(key);
    }

    public static SecretKey key(byte[] material) {
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(material, "AES");
    }

    /**
     * A key derived from a configured secret (SHA-256 of purpose and secret), for key-encryption
     * keys that come from the environment. The secret must have at least 16 characters.
     */
    public static SecretKey deriveKey(String secret, String purpose) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The secret for " + purpose + " must have at least 16 characters");
        }
        try {
            return key(MessageDigest.getInstance("SHA-256").digest((purpose + "|" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static SealedData seal(SecretKey key, String keyId, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedData(SealedData.AES_256_GCM, keyId, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; {@link UnreadableDataException} when the key, the value or the subject does not match. */
    public static byte[] open(SealedData sealed, SecretKey key, String associatedData) {
        if (sealed == null || !SealedData.AES_256_GCM.equals(sealed.algorithm()) || sealed.nonce() == null
                || sealed.ciphertext() == null) {
            throw new UnreadableDataException("Not a sealed AES-256-GCM value");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(sealed.nonce())));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(base64.decode(sealed.ciphertext()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableDataException("The sealed value cannot be opened with this key");
        }
    }

    /** A sealed value that cannot be opened: wrong key, tampered, or for another subject. */
    public static class UnreadableDataException extends RuntimeException {
        public UnreadableDataException(String message) {
            super(message);
        }
    }
}
