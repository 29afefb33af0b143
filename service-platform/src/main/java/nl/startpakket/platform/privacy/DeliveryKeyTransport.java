package nl.startpakket.platform.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.startpakket.events.deliverykeys.v1.DeliveryKey;

/**
 * Encodes a referral's data key as the value of a record on the delivery keys topic, wrapped with
 * the transport key (derived from {@code startpakket.privacy.transport-secret}, which only the
 * referral and fulfilment services hold), and decodes it on the other side.
 */
public class DeliveryKeyTransport {

    static final String TRANSPORT_KEY_ID = "transport";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final SecretKey transportKey;

    public DeliveryKeyTransport(SecretKey transportKey) {
        this.transportKey = transportKey;
    }

    public byte[] encode(String referralId, String keyId, SecretKey dataKey, Instant issuedAt) {
        DeliveryKey record = new DeliveryKey(referralId, keyId,
                PersonalDataCipher.seal(transportKey, TRANSPORT_KEY_ID, dataKey.getEncoded(), aad(referralId, keyId)), issuedAt);
        try {
            return json.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the delivery key of " + referralId, e);
        }
    }

    /** The record and its key; empty when the value is not a readable key for this referral. */
    public Optional<Received> decode(String referralId, byte[] value) {
        try {
            DeliveryKey record = json.readValue(value, DeliveryKey.class);
            if (record.referralId() == null || !record.referralId().equals(referralId) || record.keyId() == null) {
                return Optional.empty();
            }
            byte[] key = PersonalDataCipher.open(record.wrappedKey(), transportKey, aad(referralId, record.keyId()));
            return Optional.of(new Received(record.referralId(), record.keyId(), PersonalDataCipher.key(key)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String aad(String referralId, String keyId) {
        return "delivery-key|" + referralId + "|" + keyId;
    }

    /** A key as received. */
    public record Received(String referralId, String keyId, SecretKey key) {
    }
}
