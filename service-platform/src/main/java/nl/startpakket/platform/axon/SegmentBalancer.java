package nl.startpakket.platform.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads the segments of the streaming processors over the running instances of a service.
 *
 * <p>Axon's processors claim segments in the token store: an instance claims every unclaimed
 * segment up to its processor's capacity (for the services' pooled processors, the number of
 * segments they are configured with: {@link PooledProcessors}), and the claims of an instance that died run out after the token
 * store's claim timeout, when the others take them over. What Axon leaves to the application
 * without Axon Server is the other direction: a second instance starts, and the first holds
 * every segment. Here every instance registers itself in {@code processing_instances} (a
 * heartbeat), and an instance that holds more than its share of a processor's segments (the
 * segments divided by the live instances, rounded up) releases the surplus with Axon's
 * {@link StreamingEventProcessor#releaseSegment(int, long, TimeUnit)} for long enough that another
 * instance claims it.
 *
 * <p>A processor that may claim more segments than its token store has (tokens made by an older
 * configuration) has its segments split, one at a time, until they are as many.
 */
public class SegmentBalancer {

    static final String COLLECTION = "processing_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final Supplier<Map<String, EventProcessor>> processors;
    private final TokenStore tokenStore;
    private final MongoCollection<Document> instances;
    private final String instance;
    private final Clock clock;
    private final Duration heartbeat;
    private final Counter released;
    private final Counter split;
    /** Processors with a split under way: a split completes asynchronously, and one at a time is enough. */
    private final Set<String> splitting = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;

    public SegmentBalancer(Supplier<Map<String, EventProcessor>> processors, TokenStore tokenStore, MongoDatabase database,
                           String instance, Clock clock, Duration heartbeat, MeterRegistry meters) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.instances = database.getCollection(COLLECTION);
        this.instance = instance;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.released = Counter.builder("startpakket.processing.segments.released")
                .description("Segments this instance released so that another instance of the service processes them")
                .register(meters);
        this.split = Counter.builder("startpakket.processing.segments.split")
                .description("Segments split because the processor is configured for more segments than its token store has")
                .register(meters);
        // a stopped instance's registration is gone after a while even if nobody counts instances any more
        instances.createIndex(Indexes.ascending("heartbeatAt"), new IndexOptions().expireAfter(1L, TimeUnit.HOURS));
    }

    /** Registers this instance and balances every {@code heartbeat} from now on. */
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "segment-balancer");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::balanceQuietly, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops balancing and unregisters this instance, so that the others take their share at once. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        // at most a moment: when MongoDB is gone already, the registration simply ages out
        try {
            CompletableFuture.runAsync(() -> instances.deleteOne(Filters.eq("_id", instance))).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.info("Instance {} not unregistered from {} ({}); it counts as stopped after {}", instance, COLLECTION,
                    e.getClass().getSimpleName(), liveness());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the store is away for a moment: the claims stay as they are and the next heartbeat tries again
            log.warn("Balancing the processors' segments failed, trying again in {}: {}", heartbeat, e.getMessage());
        }
    }

    /** One heartbeat: registers this instance, then releases or splits what is out of balance. */
    public void balance() {
        Instant now = clock.instant();
        instances.replaceOne(Filters.eq("_id", instance), new Document("_id", instance).append("heartbeatAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        long alive = Math.max(1, instances.countDocuments(Filters.gte("heartbeatAt", Date.from(now.minus(liveness())))));
        processors.get().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning() && !streaming.isError()) {
                balance(name, streaming, alive);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor, long alive) {
        int segments = tokenStore.fetchSegments(name).length;
        TreeSet<Integer> mine = new TreeSet<>(processor.processingStatus().keySet());
        if (segments == 0 || mine.isEmpty()) {
            return;
        }
        if (segments < processor.maxCapacity()) {
            if (!splitting.add(name)) {
                return;
            }
            processor.splitSegment(mine.last()).whenComplete((done, failure) -> {
                splitting.remove(name);
                if (Boolean.TRUE.equals(done)) {
                    split.increment();
                    log.info("Split segment {} of processor {}: configured for {} segments, found {}", mine.last(), name,
                            processor.maxCapacity(), segments);
                }
            });
            return;
        }
        long share = (segments + alive - 1) / alive;
        List<Integer> surplus = new ArrayList<>(mine.descendingSet()).subList(0, (int) Math.max(0, mine.size() - share));
        for (int segment : surplus) {
            processor.releaseSegment(segment, releaseFor().toMillis(), TimeUnit.MILLISECONDS);
            released.increment();
            log.info("Released segment {} of processor {} to another instance ({} live instances, {} segments)", segment, name,
                    alive, segments);
        }
    }

    /**
     * An instance whose heartbeat is older than this has stopped. Two heartbeats: about when the
     * token store's claims of an instance killed with SIGKILL run out (10 s), so that the instance
     * that takes them over does not count the dead one as a taker of its surplus.
     */
    private Duration liveness() {
        return heartbeat.multipliedBy(2);
    }

    /** Long enough for another instance's processor to notice the unclaimed segment and claim it. */
    private Duration releaseFor() {
        return heartbeat.multipliedBy(4);
    }
}
