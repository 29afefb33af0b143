package nl.startpakket.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the pooled processors of this instance as soon as the event store has new events.
 *
 * <p>A pooled processor's coordinator asks its event stream for a callback when events become
 * available; the streams of Axon's embedded event store offer none, so an idle coordinator looks
 * again every 500 ms, and every hop of the chain (the view a POST waits for, the outbox to Kafka)
 * would wait up to that long. Here one thread follows the head of the event store (the embedded
 * store's shared cache: no query of its own), and whenever events arrive it runs the callbacks of
 * every stream opened through {@link #wrap}. The stream's own events are in that cache by then, so
 * a woken coordinator finds them. The first event after a quiet spell wakes them at once; under
 * load they are woken at most every {@link #COALESCE}, so that each batch takes what came meanwhile
 * (a wake-up per commit cost a third of the throughput in B5).
 */
public class EventStoreWakeUp {

    private static final Logger log = LoggerFactory.getLogger(EventStoreWakeUp.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** The shortest time between two wake-ups (measured in docs/benchmarks.md, issue 12). */
    static final Duration COALESCE = Duration.ofMillis(100);

    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private volatile Thread follower;
    private volatile boolean stopped;

    /** The same source, whose streams call back when the store has new events. */
    public StreamableMessageSource<TrackedEventMessage<?>> wrap(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                follow(delegate);
                return new WakingStream(delegate.openStream(token));
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

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return delegate.createTokenSince(duration);
            }
        };
    }

    /** Ends the follower thread; streams still open fall back to their coordinators' own checks. */
    public void stop() {
        stopped = true;
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
        }
    }

    int callbacks() {
        return callbacks.size();
    }

    private synchronized void follow(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
        if (follower != null || stopped) {
            return;
        }
        Thread thread = new Thread(() -> run(delegate), "event-store-wake-up");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    private void run(StreamableMessageSource<TrackedEventMessage<?>> source) {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> head = source.openStream(source.createHeadToken())) {
                while (!stopped) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(EventStoreWakeUp::runQuietly);
                        // at most one wake-up per pause: under load the processors take what came
                        // meanwhile as one batch; the first event after a quiet spell wakes them at once
                        Thread.sleep(COALESCE.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the store is unreachable: the coordinators retry on their own; follow again shortly
                log.debug("Following the event store failed, again in {}", RETRY, e);
                callbacks.forEach(EventStoreWakeUp::runQuietly);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.debug("A wake-up callback failed", e);
        }
    }

    /** A stream of the event store that supports Axon's availability callback. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
