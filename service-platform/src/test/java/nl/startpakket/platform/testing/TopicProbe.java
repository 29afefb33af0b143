package nl.startpakket.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.platform.messaging.IntegrationEventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes topics of the shared broker as an outside party would: raw records with
 * CloudEvents headers. For tests that feed a service events or check what it published.
 */
public final class TopicProbe {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();

    private TopicProbe() {
    }

    /** Publishes an event to its topic the way a producing service would. */
    public static void publish(IntegrationEvent event) {
        EventDescriptor d = EventCatalog.of(event);
        publishRaw(d.topic(), event.subject(), CODEC.encode(event), Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, event.eventId().toString(),
                CloudEventHeaders.TYPE, d.type(),
                CloudEventHeaders.SOURCE, "/startpakket/test",
                CloudEventHeaders.TIME, event.occurredAt().toString(),
                CloudEventHeaders.SUBJECT, event.subject(),
                CloudEventHeaders.SCHEMA_VERSION, Integer.toString(d.version())));
    }

    public static void publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /**
     * Every record currently on the topic, from the beginning: the partitions are assigned (no
     * consumer group to join) and read up to the end offsets they had when asked.
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant limit = Instant.now().plus(settle.multipliedBy(60));
            while (Instant.now().isBefore(limit)
                    && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Waits until an event of the given class matching the predicate is on its topic. */
    public static <E extends IntegrationEvent> E await(Class<E> type, Predicate<E> matching, Duration timeout) {
        EventDescriptor d = EventCatalog.of(type);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (E event : events(type, readAll(d.topic(), Duration.ofMillis(500)))) {
                if (matching.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("No " + d.type() + " matching within " + timeout);
    }

    public static <E extends IntegrationEvent> List<E> events(Class<E> type, List<ConsumerRecord<String, byte[]>> records) {
        EventDescriptor d = EventCatalog.of(type);
        List<E> result = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (header != null && d.type().equals(new String(header.value(), StandardCharsets.UTF_8))) {
                result.add(type.cast(CODEC.decode(record.value(), d)));
            }
        }
        return result;
    }
}
