package nl.startpakket.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.startpakket.events.CloudEventHeaders;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics of the stack's broker, as an auditor would. */
final class Topics {

    private Topics() {
    }

    /** A record as it was on the topic: its CloudEvents id and type, key and JSON value. */
    record Published(String topic, String key, String eventId, String type, String json) {
    }

    static List<Published> readAll(String topic) {
        return readRaw(topic).stream()
                .map(r -> new Published(topic, r.key(), header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE),
                        r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    /**
     * Every record of the topic with its headers, exactly as stored: the partitions are assigned
     * (no group to join) and read up to the end offsets they had when asked.
     */
    static List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        Properties props = consumerProperties();
        List<ConsumerRecord<String, byte[]>> result = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return result;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant limit = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(limit)
                    && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(250)).forEach(result::add);
            }
        }
        return result;
    }

    /** Sends the records again, as they were (key, value, headers), in the given order. */
    static void republish(String topic, List<ConsumerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
                record.headers().forEach(copy.headers()::add);
                producer.send(copy);
            }
            producer.flush();
        }
    }

    /** Sends one raw record: a poison message, say. */
    static void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every service's consumer group has read everything on the topics it consumes. */
    static void awaitConsumersCaughtUp(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafkaBootstrapServers());
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                long lag = 0;
                for (String group : List.of("referral-service", "billing-service", "fulfilment-service", "reporting-service")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var e : committed.entrySet()) {
                        long end = ends.get(e.getKey()).offset();
                        lag += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
                    }
                }
                if (lag == 0) {
                    return;
                }
                Workload.pause(Duration.ofMillis(500));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("Consumers still lag after " + timeout);
    }

    private static Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
