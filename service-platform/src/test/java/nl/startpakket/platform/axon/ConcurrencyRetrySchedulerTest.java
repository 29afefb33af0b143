package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, one Mongo event store: a command that loaded its aggregate before
 * the other instance appended to it loses the race at the store's unique index. With the retry
 * scheduler it is decided again on the newer state; a command a rule refuses is not sent again.
 */
class ConcurrencyRetrySchedulerTest {

    record Open(@TargetAggregateIdentifier String id) {
    }

    /** {@code hold}: the handler waits, state loaded, until the test lets it append. */
    record Add(@TargetAggregateIdentifier String id, int amount, boolean hold) {
    }

    record Opened(String id) {
    }

    record Added(String id, int amount) {
    }

    static final AtomicInteger HANDLED = new AtomicInteger();
    static CountDownLatch loaded;
    static CountDownLatch append;

    static class Tally {
        @AggregateIdentifier
        String id;
        int total;

        Tally() {
        }

        @CommandHandler
        Tally(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        int handle(Add command) throws InterruptedException {
            HANDLED.incrementAndGet();
            if (command.amount() < 0) {
                throw new IllegalArgumentException("a tally only grows");
            }
            if (command.hold()) {
                loaded.countDown();
                append.await(10, TimeUnit.SECONDS);
            }
            apply(new Added(id, command.amount()));
            return total;
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            total += event.amount();
        }
    }

    MongoServer server;
    MongoClient client;
    EventStorageEngine storage;
    final List<Configuration> instances = new ArrayList<>();
    final List<ConcurrencyRetryScheduler> schedulers = new ArrayList<>();

    @BeforeEach
    void start() {
        HANDLED.set(0);
        loaded = new CountDownLatch(1);
        append = new CountDownLatch(1);
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        storage = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "retry-" + UUID.randomUUID()).build())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    @AfterEach
    void stop() {
        instances.forEach(Configuration::shutdown);
        schedulers.forEach(ConcurrencyRetryScheduler::shutdown);
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldDecideACommandAgainWhenAnotherInstanceAppendedToItsAggregateFirst() throws Exception {
        CommandGateway here = instance(true);
        CommandGateway there = instance(true);
        here.sendAndWait(new Open("t-1"));

        int total = raceOnAggregate(here, there).get(20, TimeUnit.SECONDS);

        assertThat(total).as("decided again on the other instance's +1").isEqualTo(2);
        assertThat(there.<Integer>sendAndWait(new Add("t-1", 0, false))).isEqualTo(2);
        assertThat(HANDLED).as("the held command twice, the other's once, the last once").hasValue(4);
    }

    @Test
    void shouldFailACommandThatLostTheRaceWithoutTheScheduler() {
        CommandGateway here = instance(false);
        CommandGateway there = instance(false);
        here.sendAndWait(new Open("t-1"));

        CompletableFuture<Integer> held = raceOnAggregate(here, there);

        assertThatThrownBy(() -> held.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrencyException.class);
    }

    @Test
    void shouldNotSendAgainACommandARuleRefused() {
        CommandGateway here = instance(true);
        here.sendAndWait(new Open("t-1"));

        assertThatThrownBy(() -> here.sendAndWait(new Add("t-1", -1, false))).hasMessageContaining("only grows");
        assertThat(HANDLED).hasValue(1);
    }

    /** {@code here} loads the tally and waits; {@code there} appends +1; then {@code here} appends its +1. */
    private static CompletableFuture<Integer> raceOnAggregate(CommandGateway here, CommandGateway there) {
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> here.sendAndWait(new Add("t-1", 1, true)));
        try {
            assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        there.sendAndWait(new Add("t-1", 1, false));
        append.countDown();
        return held;
    }

    /** An instance of the service: its own command bus and gateway, no cache, the event store all share. */
    private CommandGateway instance(boolean retrying) {
        ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(20, 8, new SimpleMeterRegistry());
        schedulers.add(scheduler);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(storage).build())
                .configureAggregate(Tally.class)
                .registerComponent(CommandGateway.class, c -> {
                    DefaultCommandGateway.Builder gateway = DefaultCommandGateway.builder().commandBus(c.commandBus());
                    return (retrying ? gateway.retryScheduler(scheduler) : gateway).build();
                })
                .buildConfiguration();
        configuration.start();
        instances.add(configuration);
        return configuration.commandGateway();
    }
}
