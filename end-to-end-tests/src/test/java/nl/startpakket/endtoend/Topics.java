package nl.startpakket.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.startpakket.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Published> result = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant quietUntil = Instant.now().plusSeconds(2);
            Instant limit = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(quietUntil) && Instant.now().isBefore(limit)) {
                var batch = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> r : batch) {
                    result.add(new Published(topic, r.key(), header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE),
                            r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
                }
                if (!batch.isEmpty()) {
                    quietUntil = Instant.now().plusSeconds(2);
                }
            }
        }
        return result;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
