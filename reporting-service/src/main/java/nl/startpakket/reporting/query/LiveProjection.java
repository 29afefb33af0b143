package nl.startpakket.reporting.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;

/**
 * Applies each live event to every writable projection version (the active one, and the one
 * being rebuilt beside it), and measures: a counter of events projected per type
 * ({@code startpakket.reporting.events.projected}) and, per topic, how long after it happened
 * the last event was projected ({@code startpakket.reporting.projection.lag}, seconds).
 */
public class LiveProjection {

    private final EvaluationProjection projection;
    private final ProjectionVersions versions;
    private final MeterRegistry meterRegistry;
    private final Clock clock;
    private final Map<String, AtomicLong> lagMillisByTopic = new ConcurrentHashMap<>();

    public LiveProjection(EvaluationProjection projection, ProjectionVersions versions, MeterRegistry meterRegistry,
                          Clock clock) {
        this.projection = projection;
        this.versions = versions;
        this.meterRegistry = meterRegistry;
        this.clock = clock;
    }

    public void apply(IntegrationEvent event) {
        boolean used = false;
        for (int version : versions.writable()) {
            used |= projection.project(event, version);
        }
        if (!used) {
            return;
        }
        EventDescriptor descriptor = EventCatalog.of(event);
        meterRegistry.counter("startpakket.reporting.events.projected", "type", descriptor.type()).increment();
        long lag = Math.max(0, Duration.between(event.occurredAt(), clock.instant()).toMillis());
        lagMillisByTopic.computeIfAbsent(descriptor.topic(), this::registerLagGauge).set(lag);
    }

    private AtomicLong registerLagGauge(String topic) {
        AtomicLong millis = new AtomicLong();
        Gauge.builder("startpakket.reporting.projection.lag", millis, m -> m.get() / 1000.0)
                .description("Seconds between an event happening and its projection, for the last event of the topic")
                .baseUnit("seconds")
                .tag("topic", topic)
                .register(meterRegistry);
        return millis;
    }
}
