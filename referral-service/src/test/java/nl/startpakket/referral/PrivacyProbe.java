package nl.startpakket.referral;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.startpakket.events.Topics;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.platform.privacy.DeliveryKeyTransport;
import nl.startpakket.platform.privacy.PersonalDataCipher;
import nl.startpakket.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what fulfilment would read: the data key from the compacted key topic, and the sealed delivery details with it. */
final class PrivacyProbe {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DeliveryKeyTransport transport;

    PrivacyProbe(DeliveryKeyTransport transport) {
        this.transport = transport;
    }

    /** The records of the referral on the key topic, oldest first (a null value is a tombstone). */
    static List<ConsumerRecord<String, byte[]>> keyRecords(String referralId) {
        return TopicProbe.readAll(Topics.DELIVERY_KEYS, Duration.ofSeconds(1)).stream()
                .filter(r -> referralId.equals(r.key())).toList();
    }

    /** The referral's key as the latest record on the key topic has it; empty after a tombstone. */
    Optional<SecretKey> keyFromTopic(String referralId) {
        List<ConsumerRecord<String, byte[]>> records = keyRecords(referralId);
        if (records.isEmpty() || records.get(records.size() - 1).value() == null) {
            return Optional.empty();
        }
        return transport.decode(referralId, records.get(records.size() - 1).value()).map(DeliveryKeyTransport.Received::key);
    }

    DeliveryDetailsShared.PersonalData open(DeliveryDetailsShared details) {
        SecretKey key = keyFromTopic(details.referralId()).orElseThrow(() -> new AssertionError("No key for " + details.referralId()));
        try {
            return JSON.readValue(PersonalDataCipher.open(details.personalData(), key, details.referralId()),
                    DeliveryDetailsShared.PersonalData.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
