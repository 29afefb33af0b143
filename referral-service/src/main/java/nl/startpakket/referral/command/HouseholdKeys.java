package nl.startpakket.referral.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256) that identifies a household for the duplicate check: normalised
 * postal code, house number and the due date (BABY) or birth date (TODDLER). The secret stays in
 * configuration, so the key cannot be turned back into an address by someone holding the data.
 */
public final class HouseholdKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;

    public HouseholdKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The household secret must have at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String keyOf(String postalCode, String houseNumber, LocalDate date) {
        String material = normalisePostalCode(postalCode) + "|" + normaliseHouseNumber(houseNumber) + "|" + date;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** {@code 1271 ab} and {@code 1271AB} are the same postal code. */
    public static String normalisePostalCode(String postalCode) {
        return postalCode == null ? "" : postalCode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** {@code 12 A}, {@code 12-a} and {@code 12a} are the same house number. */
    public static String normaliseHouseNumber(String houseNumber) {
        return houseNumber == null ? "" : houseNumber.replaceAll("[\\s\\-]+", "").toLowerCase(Locale.ROOT);
    }
}
