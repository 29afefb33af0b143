package nl.startpakket.platform.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Axon's Mongo tracking token from skipping events. The token finds events by timestamp and
 * looks back only {@code lookBack} for events that became visible after newer ones; an event stored
 * later than that after its timestamp (a slow unit of work, a long pause, a Mongo outage during the
 * commit) can be passed by every tracking processor for good. This guard refuses to store events
 * whose timestamp is more than half the window old: the unit of work rolls back, nothing is stored,
 * and the command fails and is retried by its sender (the binder for Kafka consumers, the client
 * for HTTP) with fresh timestamps. An append that itself took so long that it ended beyond the
 * window is logged as an error, since it cannot be undone.
 */
public class LateAppendGuard implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(LateAppendGuard.class);

    private final EventStorageEngine delegate;
    private final Duration lookBack;
    private final Duration maxAge;
    private final Supplier<Clock> clock;

    /** With Axon's own message clock ({@link GenericEventMessage#clock}), which stamps the events. */
    public LateAppendGuard(EventStorageEngine delegate, Duration lookBack) {
        this(delegate, lookBack, () -> GenericEventMessage.clock);
    }

    LateAppendGuard(EventStorageEngine delegate, Duration lookBack, Supplier<Clock> clock) {
        this.delegate = delegate;
        this.lookBack = lookBack;
        this.maxAge = lookBack.dividedBy(2);
        this.clock = clock;
    }

    /** Events too old to store safely; a retry of the command (new events, new timestamps) can succeed. */
    public static class LateAppendException extends AxonTransientException {
        public LateAppendException(String message) {
            super(message);
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant oldest = events.stream().map(EventMessage::getTimestamp).min(Instant::compareTo).orElseThrow();
        Duration age = Duration.between(oldest, clock.get().instant());
        if (age.compareTo(maxAge) > 0) {
            throw new LateAppendException("Refusing to store " + events.size() + " event(s) " + age.toMillis()
                    + " ms after their timestamp: more than half the tracking look-back window (" + lookBack
                    + "), so tracking processors could skip them. The unit of work rolls back; retry the command.");
        }
        delegate.appendEvents(events);
        Duration stored = Duration.between(oldest, clock.get().instant());
        if (stored.compareTo(lookBack) > 0) {
            log.error("{} event(s) were stored {} ms after their timestamp, beyond the tracking look-back window ({}): "
                    + "tracking processors may have passed them (first: {})", events.size(), stored.toMillis(), lookBack,
                    events.get(0).getIdentifier());
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
