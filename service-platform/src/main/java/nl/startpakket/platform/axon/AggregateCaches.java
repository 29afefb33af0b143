package nl.startpakket.platform.axon;

import org.axonframework.common.caching.Cache;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.DisposableBean;

/**
 * In-memory caches of event-sourced aggregates, one per aggregate type ({@code @Aggregate(cache =
 * "…")}), so a command on an aggregate this instance already holds does not read and replay its
 * events again. Without it every command on a long-lived aggregate (a contract, a municipality's
 * funding route) replays its whole history, and the cost of a referral grows with the years.
 *
 * <p>Safe with Axon's caching repository: an aggregate is put in the cache when its unit of work
 * saves it and removed if that unit of work (or its root) rolls back, while the aggregate's lock
 * is held until the root unit of work ends. Several instances of a service may run: a cached
 * aggregate is used only while the event store holds nothing newer for it
 * ({@link VerifiedAggregateCache}), and an append racing with another instance fails on the
 * event's sequence number, rolls back and is retried from the store. Each cache holds at most
 * {@code maxEntries} aggregates, least recently used first out.
 */
public class AggregateCaches implements DisposableBean {

    private final CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
    private final Supplier<EventStore> eventStore;

    /** Caches that check each entry against {@code eventStore} (looked up when first needed). */
    public AggregateCaches(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** A new cache of at most {@code maxEntries} aggregates of {@code aggregateType}. */
    public Cache create(String name, Class<?> aggregateType, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("An aggregate cache holds at least one aggregate: " + name);
        }
        org.ehcache.Cache<Object, Object> cache = manager.createCache(name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(maxEntries)));
        return new VerifiedAggregateCache((Ehcache<Object, Object>) cache, name, aggregateType, eventStore);
    }

    @Override
    public void destroy() {
        manager.close();
    }
}
