package nl.startpakket.reporting.integration.in;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.Topics;
import nl.startpakket.platform.messaging.IntegrationEventCodec;
import nl.startpakket.platform.messaging.PoisonMessageException;
import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.ProjectionSeed;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.RebuildRegister;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rebuilds the projections from the start of the Kafka log into a new version beside the active
 * one, then switches readers over. No downtime and no gap:
 * <ol>
 *   <li>the new version is registered as {@code building} first, so from then on the live
 *       consumers write every event they process into it as well;</li>
 *   <li>only then are the end offsets of the four topics taken: whatever lies before them is
 *       read here from the beginning, whatever comes after is handled by the live consumers
 *       (which read the registration per event). Events in both are projected twice, which
 *       idempotent, order-independent projections allow;</li>
 *   <li>when this reader has reached those offsets, the new version becomes active in one
 *       write; the previous version is kept until the next rebuild.</li>
 * </ol>
 * The topics must keep their whole history ({@code retention.ms=-1}). One rebuild at a time across
 * all instances of the service ({@link RebuildRegister}: a lease renewed with every progress
 * report, and the status every instance answers); a rebuild whose instance stopped is started
 * again from the beginning by another instance, or by the same one after its restart, once its
 * lease ran out ({@link #resumeAbandoned()}).
 */
public class ProjectionRebuilder {

    static final List<String> TOPICS = List.of(Topics.REFERRAL, Topics.FUNDING, Topics.FULFILMENT, Topics.BILLING);
    /** Documents collected before they are written in one bulk write. */
    static final int FLUSH_DOCUMENTS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EvaluationStore store;
    private final ProjectionVersions versions;
    private final EvaluationProjection projection;
    private final List<ProjectionSeed> seeds;
    private final IntegrationEventCodec codec;
    private final String bootstrapServers;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong eventsProjected = new AtomicLong();
    private final RebuildRegister register;
    /** This instance, as the rebuild register names the holder of the lease. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID();

    public ProjectionRebuilder(EvaluationStore store, ProjectionVersions versions, RebuildRegister register,
                               EvaluationProjection projection, List<ProjectionSeed> seeds, IntegrationEventCodec codec,
                               String bootstrapServers, Clock clock, MeterRegistry meterRegistry) {
        this.store = store;
        this.versions = versions;
        this.register = register;
        this.projection = projection;
        this.seeds = seeds;
        this.codec = codec;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
        meterRegistry.gauge("startpakket.reporting.projection.version", versions, v -> v.active());
        meterRegistry.gauge("startpakket.reporting.rebuild.events", eventsProjected);
    }

    /** What the last (or running) rebuild did. */
    public record Status(String state, int activeVersion, Integer buildingVersion, long eventsProjected,
                         long eventsSkipped, Instant startedAt, Instant finishedAt, String reason, String error) {

        static Status idle(int active) {
            return new Status("IDLE", active, null, 0, 0, null, null, null, null);
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** A lease not renewed for this long belongs to an instance that stopped. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** How often the running instance reports its progress (and so renews its lease). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** The last or running rebuild, as registered by whichever instance ran it. */
    public Status status() {
        int active = versions.active();
        return register.current()
                .map(p -> new Status(p.state(), active, RebuildRegister.RUNNING.equals(p.state()) ? p.buildingVersion() : null,
                        p.eventsProjected(), p.eventsSkipped(), p.startedAt(), p.finishedAt(), p.reason(), p.error()))
                .orElse(Status.idle(active));
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws IllegalStateException when one is running already, here or at another instance
     */
    public synchronized Status start(String reason) {
        ProjectionVersions.State state = versions.state();
        int next = Math.max(state.active(), state.building() == null ? 0 : state.building()) + 1;
        Instant now = clock.instant();
        if (!register.claim(owner, next, reason, now, LEASE)) {
            Status running = status();
            throw new IllegalStateException("A rebuild into version " + running.buildingVersion() + " is running.");
        }
        store.drop(next);
        store.prepare(next);
        versions.save(state.building(next));
        eventsProjected.set(0);
        log.info("Rebuilding the projections from the start of the log into version {} ({})", next, reason);
        executor.submit(() -> run(next));
        return new Status(RebuildRegister.RUNNING, state.active(), next, 0, 0, now, null, reason, null);
    }

    /**
     * Starts again a rebuild whose instance stopped (its lease ran out), or one a stop interrupted
     * before this instance started; nothing when none is waiting or another instance took it first.
     */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public void resumeAbandoned() {
        ProjectionVersions.State state = versions.state();
        if (state.building() == null) {
            return;
        }
        boolean neverRegistered = register.current().isEmpty();
        if (neverRegistered || register.abandoned(clock.instant(), LEASE)) {
            try {
                start("the rebuild into version " + state.building() + " was interrupted");
            } catch (IllegalStateException takenByAnother) {
                log.info("Another instance resumed the interrupted rebuild");
            }
        }
    }

    private static void waitFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before the rebuild began", e);
        }
    }

    private void run(int version) {
        long skipped = 0;
        Instant lastReport = clock.instant();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            // taken once every live consumer writes into the new version too (each instance may answer
            // the versions it read up to staleness() ago): every event one of them projected without it
            // was published before these end offsets, so this reader projects it; see the class comment
            waitFor(versions.staleness().multipliedBy(2));
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the upserts are collected and merged per document, and written in bulk every few thousand
            // documents: the same end state as one write per event, in a fraction of the round trips
            store.beginBatch();
            try {
                while (!caughtUp(consumer, end)) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= end.getOrDefault(partition, 0L)) {
                            continue; // the live consumers own everything after the end offsets
                        }
                        if (project(record, version)) {
                            eventsProjected.incrementAndGet();
                        } else {
                            skipped++;
                        }
                    }
                    if (store.batchedDocuments() >= FLUSH_DOCUMENTS) {
                        store.flushBatch();
                        store.beginBatch();
                    }
                    if (Duration.between(lastReport, clock.instant()).compareTo(HEARTBEAT) >= 0) {
                        lastReport = clock.instant();
                        if (!register.progress(owner, eventsProjected.get(), skipped, lastReport)) {
                            throw new IllegalStateException("Another instance took the rebuild over after this one missed its lease");
                        }
                    }
                }
                store.flushBatch();
            } finally {
                store.endBatch();
            }
            seeds.forEach(seed -> seed.seed(version));
            if (!register.progress(owner, eventsProjected.get(), skipped, clock.instant())) {
                throw new IllegalStateException("Another instance took the rebuild over before this one could switch");
            }
            ProjectionVersions.State before = versions.state();
            versions.save(before.switched());
            store.dropVersionsBelow(before.active());
            register.finish(owner, "SWITCHED", eventsProjected.get(), skipped, null, clock.instant());
            log.info("Projections version {} caught up with {} events and is now active", version, eventsProjected.get());
        } catch (RuntimeException e) {
            log.error("Rebuild into version {} failed; version {} stays active", version, versions.active(), e);
            if (register.finish(owner, "FAILED", eventsProjected.get(), skipped, e.getMessage(), clock.instant())) {
                ProjectionVersions.State state = versions.state();
                versions.save(new ProjectionVersions.State(state.active(), state.schema(), null));
            }
        }
    }

    private boolean project(ConsumerRecord<String, byte[]> record, int version) {
        Optional<String> type = header(record, CloudEventHeaders.TYPE);
        int schemaVersion = header(record, CloudEventHeaders.SCHEMA_VERSION).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }).orElse(1);
        Optional<EventDescriptor> descriptor = type.flatMap(t -> EventCatalog.find(t, schemaVersion));
        if (descriptor.isEmpty()) {
            return false; // the live consumer dead-lettered it; it never counted
        }
        try {
            return projection.project(codec.decode(record.value(), descriptor.get()), version);
        } catch (PoisonMessageException e) {
            return false;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
