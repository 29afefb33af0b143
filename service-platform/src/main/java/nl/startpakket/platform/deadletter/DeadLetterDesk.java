package nl.startpakket.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import nl.startpakket.events.CloudEventHeaders;

/**
 * Reads the dead-letter topics of the topics this service consumes, and replays one record to its
 * original topic (headers kept, failure headers dropped). Consumers deduplicate by event id, so a
 * replay of something already handled changes nothing.
 */
public class DeadLetterDesk {

    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    static final String GROUP = "x-original-consumer-group";

    private final String bootstrapServers;
    private final Set<String> consumedTopics;

    public DeadLetterDesk(String bootstrapServers, Set<String> consumedTopics) {
        this.bootstrapServers = bootstrapServers;
        this.consumedTopics = consumedTopics;
    }

    public Set<String> consumedTopics() {
        return consumedTopics;
    }

    /** Every dead letter of the given original topic, oldest first (at most {@code limit}). */
    public List<DeadLetter> list(String originalTopic, int limit) {
        requireConsumed(originalTopic);
        String dlt = originalTopic + ".dlt";
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(dlt, p.partition())).toList();
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (letters.size() < limit && !caughtUp(consumer, ends) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit) {
                        letters.add(toDeadLetter(record));
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return letters;
        }
        return letters;
    }

    /** Sends the dead letter at that position back to its original topic; empty if there is none. */
    public Optional<DeadLetter> replay(String originalTopic, int partition, long offset) {
        requireConsumed(originalTopic);
        String dlt = originalTopic + ".dlt";
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(dlt, partition);
            boolean partitionExists = consumer.partitionsFor(dlt, Duration.ofSeconds(5)).stream()
                    .anyMatch(p -> p.partition() == partition);
            if (!partitionExists) {
                return Optional.empty();
            }
            // answer at once for a position the dead-letter topic does not hold (instead of polling for it)
            long first = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < first || offset >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            Instant deadline = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        resend(originalTopic, record);
                        return Optional.of(toDeadLetter(record));
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void resend(String originalTopic, ConsumerRecord<String, byte[]> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(originalTopic, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_dlt")) {
                    copy.headers().add(header);
                }
            }
            producer.send(copy).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused the replay: " + e.getCause().getMessage(), e);
        }
    }

    private void requireConsumed(String topic) {
        if (!consumedTopics.contains(topic)) {
            throw new IllegalArgumentException("This service does not consume " + topic + "; it consumes " + consumedTopics);
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-desk-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                text(record, ORIGINAL_TOPIC), text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.ID),
                text(record, GROUP), text(record, EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
