package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Axon's Mongo tracking token finds events by timestamp and looks back only a window for events
 * that became visible after newer ones. These tests store an event late (its timestamp long before
 * its insert, as a slow unit of work would) and read the store the way a tracking processor does
 * ({@code readEvents(token)}, token carried from batch to batch).
 */
class TrackingLookBackWindowTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(2);

    private MongoServer server;
    private MongoClient client;
    private EventStorageEngine engine;
    private long sequence;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "look-back-" + UUID.randomUUID()).build())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK))
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldDeliverAnEventStoredLateWithinTheLookBackWindow() throws InterruptedException {
        Tracker tracker = new Tracker(engine);
        GenericDomainEventMessage<String> slow = event("slow", Instant.now());
        engine.appendEvents(event("fast", Instant.now().plusMillis(10)));
        assertThat(tracker.next()).containsExactly("fast");

        Thread.sleep(LOOK_BACK.toMillis() / 2);
        engine.appendEvents(slow);

        assertThat(tracker.next()).containsExactly("slow");
    }

    @Test
    void shouldSkipAnEventStoredLaterThanTheLookBackWindowWithoutTheGuard() {
        Tracker tracker = new Tracker(engine);
        Instant t0 = Instant.now();
        GenericDomainEventMessage<String> slow = event("slow", t0);
        engine.appendEvents(event("fast", t0.plusMillis(10)));
        assertThat(tracker.next()).containsExactly("fast");
        engine.appendEvents(event("later", t0.plus(LOOK_BACK).plusMillis(500)));
        assertThat(tracker.next()).containsExactly("later");

        engine.appendEvents(slow); // stored more than the window after its timestamp

        assertThat(tracker.next()).as("Axon's token has moved past it: this is the gap the guard closes").isEmpty();
        assertThat(new Tracker(engine).next()).as("it is in the store").contains("slow");
    }

    @Test
    void shouldRefuseToStoreEventsOlderThanHalfTheLookBackWindow() {
        EventStorageEngine guarded = new LateAppendGuard(engine, LOOK_BACK);
        Tracker tracker = new Tracker(guarded);
        Instant t0 = Instant.now().minus(LOOK_BACK.dividedBy(2)).minusMillis(200);

        assertThatThrownBy(() -> guarded.appendEvents(event("slow", t0)))
                .isInstanceOf(LateAppendGuard.LateAppendException.class);

        assertThat(new Tracker(guarded).next()).as("nothing was stored").isEmpty();
        guarded.appendEvents(event("retried", Instant.now()));
        assertThat(tracker.next()).containsExactly("retried");
    }

    @Test
    void shouldStoreEventsYoungerThanHalfTheLookBackWindow() {
        EventStorageEngine guarded = new LateAppendGuard(engine, LOOK_BACK);
        Tracker tracker = new Tracker(guarded);

        guarded.appendEvents(event("a", Instant.now().minusMillis(300)), event("b", Instant.now()));

        assertThat(tracker.next()).containsExactly("a", "b");
    }

    private GenericDomainEventMessage<String> event(String payload, Instant timestamp) {
        return new GenericDomainEventMessage<>("Test", "aggregate-" + payload, 0, payload, Map.of(),
                UUID.randomUUID().toString(), timestamp);
    }

    /** Reads what is new since its last read, as a tracking processor's batch does. */
    private static final class Tracker {
        private final EventStorageEngine engine;
        private TrackingToken token;

        Tracker(EventStorageEngine engine) {
            this.engine = engine;
        }

        List<String> next() {
            List<String> payloads = new ArrayList<>();
            List<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false).collect(Collectors.toList());
            for (TrackedEventMessage<?> event : events) {
                payloads.add((String) event.getPayload());
                token = event.trackingToken();
            }
            return payloads;
        }
    }
}
