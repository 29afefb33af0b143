package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, each with a pooled streaming processor of two segments on one Mongo
 * token store, claiming at most two (as the services run them, {@link PooledProcessors}): the segments spread over both, an instance that stops or dies
 * leaves its segment to the other, every event handled exactly once throughout.
 */
class SegmentBalancerTest {

    static final String PROCESSOR = "views";
    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    record Thing(String id) {
    }

    /** Records which instance handled which event. */
    static class Handler {
        final Queue<String> handled;

        Handler(Queue<String> handled) {
            this.handled = handled;
        }

        @EventHandler
        void on(Thing thing) {
            handled.add(thing.id());
        }
    }

    MongoServer server;
    MongoClient client;
    MongoDatabase database;
    MongoTemplate template;
    EmbeddedEventStore eventStore;
    final List<PooledStreamingEventProcessor> processors = new ArrayList<>();
    final List<SegmentBalancer> balancers = new ArrayList<>();
    final List<ScheduledExecutorService> executors = new ArrayList<>();
    final Queue<String> handled = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        String name = "segments-" + UUID.randomUUID();
        database = client.getDatabase(name);
        template = DefaultMongoTemplate.builder().mongoDatabase(client, name).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    @AfterEach
    void stop() {
        balancers.forEach(SegmentBalancer::stop);
        processors.forEach(p -> p.shutdownAsync().join());
        executors.forEach(ScheduledExecutorService::shutdownNow);
        eventStore.shutDown();
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldGiveEachOfTwoInstancesOneSegmentOnceTheSecondStarts() {
        PooledStreamingEventProcessor first = instance("instance-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.processingStatus().size() == 2);

        PooledStreamingEventProcessor second = instance("instance-b");

        awaitOneSegmentEach(first, second);
        publish(40);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 40);
        assertEveryEventHandledOnce(40);
    }

    @Test
    void shouldLeaveTheSegmentsOfAStoppedInstanceToTheOther() {
        PooledStreamingEventProcessor first = instance("instance-a");
        PooledStreamingEventProcessor second = instance("instance-b");
        awaitOneSegmentEach(first, second);
        publish(20);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 20);

        balancers.get(1).stop();
        second.shutdownAsync().join();

        await().atMost(Duration.ofSeconds(20)).until(() -> first.processingStatus().size() == 2);
        publish(20);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 40);
        assertEveryEventHandledOnce(40);
    }

    @Test
    void shouldTakeOverTheSegmentOfAnInstanceThatDiedHoldingItsClaim() {
        // an instance killed while it held segment 1: its claim and its last heartbeat stay behind
        TokenStore deadInstance = tokenStore("instance-killed");
        deadInstance.initializeTokenSegments(PROCESSOR, 2);
        deadInstance.fetchToken(PROCESSOR, 1);
        database.getCollection(SegmentBalancer.COLLECTION).insertOne(new Document("_id", "instance-killed")
                .append("heartbeatAt", new Date()));

        PooledStreamingEventProcessor survivor = instance("instance-a");
        publish(30);

        await().atMost(Duration.ofSeconds(30)).until(() -> survivor.processingStatus().size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 30);
        assertEveryEventHandledOnce(30);
    }

    @Test
    void shouldSplitTheOnlySegmentOfAnOlderConfigurationIntoAsManyAsItClaims() {
        tokenStore("instance-before").initializeTokenSegments(PROCESSOR, 1);

        PooledStreamingEventProcessor upgraded = instance("instance-a");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(template.trackingTokensCollection().countDocuments()).isEqualTo(2);
            assertThat(upgraded.processingStatus()).hasSize(2);
        });
        publish(20);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 20);
        assertEveryEventHandledOnce(20);
    }

    private static void awaitOneSegmentEach(PooledStreamingEventProcessor first, PooledStreamingEventProcessor second) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(first.processingStatus()).hasSize(1);
            assertThat(second.processingStatus()).hasSize(1);
        });
    }

    private void assertEveryEventHandledOnce(int events) {
        Map<String, Long> times = handled.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(times).hasSize(events);
        assertThat(times.values()).allMatch(count -> count == 1);
    }

    private void publish(int events) {
        IntStream.range(0, events).forEach(i -> {
            String id = "thing-" + UUID.randomUUID();
            eventStore.publish(new GenericDomainEventMessage<>("Thing", id, 0, new Thing(id)));
        });
    }

    private TokenStore tokenStore(String instance) {
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId(instance)
                .claimTimeout(CLAIM_TIMEOUT)
                .build();
    }

    /** One instance of the service: its processor (two worker threads, two segments) and its balancer. */
    private PooledStreamingEventProcessor instance(String instance) {
        TokenStore tokenStore = tokenStore(instance);
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        executors.add(coordinator);
        executors.add(workers);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Handler(handled)).build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(2)
                .maxClaimedSegments(2)
                .tokenClaimInterval(100)
                .build();
        processor.start();
        processors.add(processor);
        SegmentBalancer balancer = new SegmentBalancer(() -> Map.of(PROCESSOR, processor), tokenStore, database, instance,
                Clock.tick(Clock.systemUTC(), ChronoUnit.MILLIS.getDuration()), HEARTBEAT, new SimpleMeterRegistry());
        balancer.start();
        balancers.add(balancer);
        return processor;
    }
}
