package nl.startpakket.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.ehcache.core.Ehcache;

/**
 * An aggregate cache that is never trusted across instances: before Axon's caching repository
 * uses a cached aggregate, its version is compared with the last sequence number the event store
 * holds for it (one read on the store's unique index, instead of reading and replaying the
 * aggregate's events). When another instance appended since, the entry is dropped and the
 * repository loads the aggregate from its snapshot and events, so no decision is taken on stale
 * state, not even one that appends nothing (a refusal, an answer).
 *
 * <p>What is left to the store: an append racing between this check and the commit still fails on
 * the event's sequence number, rolls back (which evicts the entry) and is retried.
 */
final class VerifiedAggregateCache extends EhCache3Adapter {

    private final AggregateModel<?> model;
    private final Supplier<EventStore> eventStore;
    private final Counter stale;

    VerifiedAggregateCache(Ehcache<Object, Object> cache, String name, Class<?> aggregateType, Supplier<EventStore> eventStore) {
        super(cache);
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(aggregateType), VerifiedAggregateCache::neverInvoked));
        this.eventStore = eventStore;
        this.stale = Counter.builder("startpakket.aggregate.cache.stale")
                .description("Cached aggregates dropped because another instance had appended to them")
                .tag("cache", name)
                .register(Metrics.globalRegistry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && key instanceof String aggregateId) {
            Long cached = versionOf(entry);
            Optional<Long> stored = eventStore.get().lastSequenceNumberFor(aggregateId);
            if (!Objects.equals(cached, stored.orElse(null))) {
                super.remove(key);
                stale.increment();
                return null;
            }
        }
        return value;
    }

    /**
     * This model only reads a cached aggregate's version, it never invokes a handler: parameters
     * the service's Spring context resolves (a clock, a service) need no resolving here.
     */
    private static ParameterResolver<Object> neverInvoked(Executable executable, Parameter[] parameters, int index) {
        return new ParameterResolver<>() {
            @Override
            public Object resolveParameterValue(Message<?> message) {
                throw new UnsupportedOperationException("The cache's aggregate model does not handle messages");
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Long versionOf(AggregateCacheEntry<?> entry) {
        return ((AggregateCacheEntry) entry).recreateAggregate((AggregateModel) model, eventStore.get(),
                NoSnapshotTriggerDefinition.INSTANCE).version();
    }
}
