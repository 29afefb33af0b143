package nl.startpakket.referral.integration.out;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import nl.startpakket.events.Topics;
import nl.startpakket.platform.privacy.DeliveryKeyTopic;
import nl.startpakket.platform.privacy.DeliveryKeyTransport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes referral data keys to the compacted delivery keys topic (key = referral id), wrapped with
 * the transport key, and a tombstone when the referral's personal data is erased. Synchronous
 * with acks=all like every publication here: the publishing processor only moves on once the
 * broker has the record.
 */
@Component
public class DeliveryKeyPublisher implements DisposableBean {

    private final String bootstrapServers;
    private final DeliveryKeyTransport transport;
    private final Clock clock;
    private final short replicationFactor;
    private KafkaProducer<String, byte[]> producer;

    public DeliveryKeyPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String bootstrapServers,
                                @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor,
                                DeliveryKeyTransport transport, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        this.transport = transport;
        this.clock = clock;
    }

    public void publish(String referralId, SecretKey key) {
        send(referralId, transport.encode(referralId, referralId, key, clock.instant()));
    }

    /** The tombstone: compaction removes the key from the log. */
    public void erase(String referralId) {
        send(referralId, null);
    }

    private void send(String referralId, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(Topics.DELIVERY_KEYS, referralId, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the delivery key of " + referralId, e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not accept the delivery key of " + referralId, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            DeliveryKeyTopic.ensureExists(bootstrapServers, 3, replicationFactor);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "referral-service-delivery-keys");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
