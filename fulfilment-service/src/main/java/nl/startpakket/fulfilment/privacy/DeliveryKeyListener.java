package nl.startpakket.fulfilment.privacy;

import nl.startpakket.events.Topics;
import nl.startpakket.platform.privacy.DeliveryKeyTransport;
import nl.startpakket.platform.privacy.PersonalDataVault;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this service's copies of the referrals' data keys in step with the compacted delivery
 * keys topic: a key is imported into the vault (never again once erased), a tombstone erases it.
 */
@Component
public class DeliveryKeyListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryKeyListener.class);
    public static final String TOMBSTONE = "delivery-key-tombstone";

    private final DeliveryKeyTransport transport;
    private final PersonalDataVault vault;
    private final DeliveryDataErasure erasure;

    public DeliveryKeyListener(DeliveryKeyTransport transport, PersonalDataVault vault, DeliveryDataErasure erasure) {
        this.transport = transport;
        this.vault = vault;
        this.erasure = erasure;
    }

    @KafkaListener(id = "delivery-keys", topics = Topics.DELIVERY_KEYS, containerFactory = "deliveryKeyListenerFactory")
    public void on(ConsumerRecord<String, byte[]> record) {
        String referralId = record.key();
        if (referralId == null) {
            return;
        }
        if (record.value() == null) {
            erasure.erase(referralId, TOMBSTONE);
            return;
        }
        transport.decode(referralId, record.value()).ifPresentOrElse(
                received -> vault.importKey(received.referralId(), received.keyId(), received.key()),
                () -> log.error("Unreadable delivery key for {} at {}-{}@{} (wrong transport secret?)", referralId, record.topic(),
                        record.partition(), record.offset()));
    }
}
