package nl.startpakket.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * B1: the stack's own broker with a plain client, the way our services use it: {@code acks=all},
 * idempotence on, records of our typical event's size with CloudEvents headers, 3 partitions.
 */
final class RawKafka {

    private final String bootstrapServers;

    RawKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A fresh topic like ours (3 partitions, replication factor 1). */
    String createTopic(String prefix) throws Exception {
        String topic = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Records per second, asynchronous sends (the client batches), until all are acknowledged. */
    double producerThroughput(String topic, int messages) throws Exception {
        List<ProducerRecord<String, byte[]>> samples = samples(topic, 1000);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(samples.get(0)).get(); // connected, metadata known
            CountDownLatch acked = new CountDownLatch(messages);
            long begin = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(samples.get(i % samples.size()), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    acked.countDown();
                });
            }
            acked.await(5, TimeUnit.MINUTES);
            long took = System.nanoTime() - begin;
            if (failure.get() != null) {
                throw failure.get();
            }
            return Stats.perSecond(messages, took);
        }
    }

    /** Records per second when each send waits for its acknowledgement (what a synchronous publisher gets). */
    double synchronousThroughput(String topic, int messages) throws Exception {
        List<ProducerRecord<String, byte[]>> samples = samples(topic, 100);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(samples.get(0)).get();
            long begin = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(samples.get(i % samples.size())).get();
            }
            return Stats.perSecond(messages, System.nanoTime() - begin);
        }
    }

    /**
     * End-to-end latency (µs histogram): records sent at a constant rate, each stamped with its
     * intended send time, until a consumer of the topic has them.
     */
    Histogram endToEndLatency(String topic, int messages, int ratePerSecond) throws Exception {
        Histogram histogram = Stats.latencyHistogram();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        byte[] payload = Events.encode(Events.sampleAccepted("R-latency"));
        AtomicLong received = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread sender = new Thread(() -> {
                long interval = 1_000_000_000L / ratePerSecond;
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    long intended = start + i * interval;
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "R-" + (i % 1000), payload);
                    record.headers().add("bench-intended", ByteBuffer.allocate(8).putLong(intended).array());
                    producer.send(record);
                }
                producer.flush();
            }, "kafka-latency-sender");
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60) + (long) messages * 1_000_000_000L / ratePerSecond;
            while (received.get() < messages && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    var header = record.headers().lastHeader("bench-intended");
                    if (header != null) {
                        long intended = ByteBuffer.wrap(header.value()).getLong();
                        histogram.recordValue(Math.max(0, (now - intended) / 1000));
                        received.incrementAndGet();
                    }
                }
            }
            sender.join();
        }
        return histogram;
    }

    private static List<ProducerRecord<String, byte[]>> samples(String topic, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            ProducerRecord<String, byte[]> record = Events.record(Events.sampleAccepted("R-" + UUID.randomUUID()), "/startpakket/benchmarks");
            return new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
        }).toList();
    }
}
