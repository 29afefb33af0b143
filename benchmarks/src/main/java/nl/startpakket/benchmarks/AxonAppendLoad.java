package nl.startpakket.benchmarks;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * B4: Axon's event sourcing as the services configure it (Mongo extension, one document per event,
 * Jackson, no transactions on the wire-protocol server, the platform's 10 s look-back), in this
 * JVM against the stack's Mongo server: creating referral-like aggregates, and appending to
 * long-lived aggregates of 10, 100 and 1,000 events with snapshots off and on.
 */
final class AxonAppendLoad {

    static final int SNAPSHOT_THRESHOLD = 50;
    static final Duration LOOK_BACK = Duration.ofSeconds(10);

    private final MongoClient client;
    private final int threads;

    AxonAppendLoad(MongoClient client, int threads) {
        this.client = client;
        this.threads = threads;
    }

    /** One Axon application on its own database. */
    final class Application implements AutoCloseable {
        final Configuration configuration;
        final CommandGateway commands;
        final Repository<BenchAggregate> repository;
        final TimedStorageEngine engine;
        final String database;

        Application(boolean snapshots) {
            database = "bench-axon-" + UUID.randomUUID().toString().substring(0, 8);
            ObjectMapper mapper = Events.JSON.copy()
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
            engine = new TimedStorageEngine(MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .build());
            configuration = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureMessageSerializer(c -> serializer)
                    .configureEmbeddedEventStore(c -> engine)
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(BenchAggregate.class)
                            .configureSnapshotTrigger(c -> snapshots
                                    ? new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_THRESHOLD)
                                    : NoSnapshotTriggerDefinition.INSTANCE))
                    .buildConfiguration();
            configuration.start();
            commands = configuration.commandGateway();
            repository = configuration.repository(BenchAggregate.class);
        }

        /** Appends {@code count} events to each aggregate directly (as if they had lived that long). */
        void prefill(List<String> ids, int count) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (String id : ids) {
                for (int i = 0; i < count; i++) {
                    Object payload = i == 0 ? new BenchAggregate.Submitted(id, details(id))
                            : new BenchAggregate.Appended(id, i, details(id));
                    batch.add(new GenericDomainEventMessage<>("BenchAggregate", id, i, payload));
                    if (batch.size() == 500) {
                        engine.appendEvents(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
            }
        }

        /** Load time of an aggregate in microseconds (read and replay, no command). */
        long timedLoad(String id) {
            long begin = System.nanoTime();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                repository.load(id);
            } finally {
                unitOfWork.rollback();
            }
            return (System.nanoTime() - begin) / 1000;
        }

        @Override
        public void close() {
            configuration.shutdown();
            client.getDatabase(database).drop();
        }
    }

    static ReferralAccepted details(String id) {
        return Events.sampleAccepted(id);
    }

    /** Creating referral-like aggregates (two events each) from {@code threads} threads; commands per second. */
    double creates(Application app, int count) throws Exception {
        return parallel(count, i -> {
            String id = "R-" + UUID.randomUUID();
            app.commands.sendAndWait(new BenchAggregate.Create(id, details(id)));
        });
    }

    /** Appending to {@code ids} round robin from {@code threads} threads; commands per second. */
    double appends(Application app, List<String> ids, int count) throws Exception {
        return parallel(count, i -> {
            String id = ids.get(i % ids.size());
            app.commands.sendAndWait(new BenchAggregate.Append(id, details(id)));
        });
    }

    Histogram loads(Application app, List<String> ids, int count) {
        Histogram histogram = Stats.latencyHistogram();
        for (int i = 0; i < count; i++) {
            histogram.recordValue(app.timedLoad(ids.get(i % ids.size())));
        }
        return histogram;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private double parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            long begin = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run((int) i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return Stats.perSecond(count, System.nanoTime() - begin);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The storage engine with a stopwatch: how long after an event's timestamp it was stored (the
     * "commit delay" that Axon's Mongo tracking token must cover with its look-back window).
     */
    static final class TimedStorageEngine implements EventStorageEngine {
        private final EventStorageEngine delegate;
        final Histogram commitDelayMicros = Stats.latencyHistogram();

        TimedStorageEngine(EventStorageEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            Instant oldest = events.stream().map(EventMessage::getTimestamp).min(Instant::compareTo).orElse(Instant.now());
            delegate.appendEvents(events);
            long delay = Duration.between(oldest, Instant.now()).toNanos() / 1000;
            synchronized (commitDelayMicros) {
                commitDelayMicros.recordValue(Math.max(0, Math.min(delay, commitDelayMicros.getHighestTrackableValue())));
            }
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return delegate.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return delegate.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }
}
