package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate caches as the services use them, in a real Axon configuration: a command on an
 * aggregate this instance already holds does not read its events again, a command that fails
 * leaves nothing of its changes behind in the cache, and an aggregate another instance changed is
 * read again from the store.
 */
class AggregateCachesTest {

    record Open(@TargetAggregateIdentifier String id) {
    }

    record Add(@TargetAggregateIdentifier String id, int amount) {
    }

    record Peek(@TargetAggregateIdentifier String id) {
    }

    record Opened(String id) {
    }

    record Added(String id, int amount) {
    }

    /** A counter that refuses to go above 10, and a command that changes state and then fails. */
    static class Counter {
        @AggregateIdentifier
        String id;
        int total;

        Counter() {
        }

        @CommandHandler
        Counter(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        int handle(Add command) {
            apply(new Added(id, command.amount()));
            if (total > 10) {
                throw new IllegalStateException("above ten");
            }
            return total;
        }

        /** An answer from the state alone: appends nothing, so no sequence number would catch a stale one. */
        @CommandHandler
        int handle(Peek command) {
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

    /**
     * Counts how often an aggregate's events are read from the store, and apart from those the
     * look-ups of its last sequence number (one indexed read in the Mongo store).
     */
    static class CountingStorage extends InMemoryEventStorageEngine {
        final AtomicInteger aggregateReads = new AtomicInteger();
        final AtomicInteger sequenceChecks = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            aggregateReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            sequenceChecks.incrementAndGet();
            return super.readEvents(aggregateIdentifier, 0).asStream().map(DomainEventMessage::getSequenceNumber)
                    .reduce(Math::max);
        }
    }

    private final CountingStorage storage = new CountingStorage();
    private Configuration axon;
    private AggregateCaches caches;
    private CommandGateway commands;
    private Configuration otherInstance;
    private AggregateCaches otherCaches;

    @BeforeEach
    void start() {
        caches = new AggregateCaches(() -> axon.eventStore());
        axon = instance(caches);
        commands = axon.commandGateway();
    }

    /** An instance of the service: its own caches and command bus, the one event store all instances share. */
    private Configuration instance(AggregateCaches caches) {
        Cache cache = caches.create("counter", Counter.class, 10);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(storage).build())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Counter.class).configureCache(c -> cache))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        caches.destroy();
        if (otherInstance != null) {
            otherInstance.shutdown();
            otherCaches.destroy();
        }
    }

    @Test
    void shouldServeACommandFromTheCacheWithoutReadingTheEventsAgain() {
        commands.sendAndWait(new Open("c-1"));
        commands.sendAndWait(new Add("c-1", 2));
        int total = commands.sendAndWait(new Add("c-1", 3));

        assertThat(total).isEqualTo(5);
        assertThat(storage.aggregateReads).hasValue(0);
        assertThat(storage.sequenceChecks).as("each cached use checked against the store").hasValue(2);
    }

    @Test
    void shouldForgetTheChangesOfACommandThatFailed() {
        commands.sendAndWait(new Open("c-1"));
        commands.sendAndWait(new Add("c-1", 8));

        assertThatThrownBy(() -> commands.sendAndWait(new Add("c-1", 5))).hasMessageContaining("above ten");
        int total = commands.sendAndWait(new Add("c-1", 2));

        assertThat(total).as("the failed +5 is neither stored nor cached").isEqualTo(10);
        assertThat(storage.aggregateReads).as("reloaded from the store once, after the failure").hasValue(1);
    }

    @Test
    void shouldReloadAnAggregateThatFellOutOfAFullCache() {
        for (int i = 0; i < 15; i++) {
            commands.sendAndWait(new Open("c-" + i));
        }
        int total = commands.sendAndWait(new Add("c-0", 1));

        assertThat(total).isEqualTo(1);
        assertThat(storage.aggregateReads).as("at most 10 kept; c-0 is read from the store").hasValue(1);
    }

    @Test
    void shouldNotTrustACachedAggregateThatAnotherInstanceChanged() {
        otherCaches = new AggregateCaches(() -> otherInstance.eventStore());
        otherInstance = instance(otherCaches);
        commands.sendAndWait(new Open("c-1"));
        commands.sendAndWait(new Add("c-1", 2));

        int atTheOther = otherInstance.commandGateway().sendAndWait(new Add("c-1", 5));
        int peeked = commands.sendAndWait(new Peek("c-1"));
        int total = commands.sendAndWait(new Add("c-1", 1));

        assertThat(atTheOther).isEqualTo(7);
        assertThat(peeked).as("this instance's cached total of 2 is stale: read again from the store").isEqualTo(7);
        assertThat(total).isEqualTo(8);
        assertThat(storage.aggregateReads).as("the other instance's first load, and this one's reload after its change").hasValue(2);
    }

    /** A handler parameter only the service's Spring context resolves, as the services' aggregates have. */
    static class Clocked {
        @AggregateIdentifier
        String id;

        @CommandHandler
        void handle(Peek command, java.time.Clock clock) {
        }
    }

    @Test
    void shouldCacheAnAggregateWhoseHandlersTakeParametersOnlyTheServiceResolves() {
        assertThat(caches.create("clocked", Clocked.class, 10)).isNotNull();
    }

    @Test
    void shouldRefuseACacheThatHoldsNothing() {
        assertThatThrownBy(() -> caches.create("empty", Counter.class, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
