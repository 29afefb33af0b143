package nl.startpakket.platform.axon;

import java.util.Map;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;

/**
 * The services' streaming processors run pooled (Axon's {@link
 * org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor}): one reader of the event
 * store per processor hands each event to the segment it belongs to, a segment writes its token
 * once per batch it handles and otherwise only when it extends its claim, not for every event of
 * another segment or of a type it ignores.
 *
 * <p>Two settings the pooled processor would otherwise take from Axon's defaults are the
 * processor's own here:
 * <ul>
 *   <li>its segments: {@code initial-segment-count} must be set (Axon's default for pooled
 *       processors is 16). A processor whose handlers depend on the order of events across
 *       aggregates keeps one segment; one whose handlers touch one aggregate's documents may have
 *       more. A processor without it fails the start, so that a new one cannot silently run in 16
 *       segments.</li>
 *   <li>how many segments one instance claims: as many as it has. An instance alone processes
 *       them all; with more instances the {@link SegmentBalancer} gives each its share, and the
 *       balancer splits the segments of an older token store up to this number.</li>
 * </ul>
 * And a processor reading the event store is woken as soon as it has new events ({@link
 * EventStoreWakeUp}), not when its coordinator looks again (every 500 ms when idle).
 */
public class PooledProcessors implements ConfigurerModule {

    private final EventProcessorProperties properties;
    private final EventStoreWakeUp wakeUp = new EventStoreWakeUp();

    public PooledProcessors(EventProcessorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configureModule(Configurer configurer) {
        for (Map.Entry<String, EventProcessorProperties.ProcessorSettings> processor : properties.getProcessors().entrySet()) {
            EventProcessorProperties.ProcessorSettings settings = processor.getValue();
            if (settings.getMode() != EventProcessorProperties.Mode.POOLED) {
                continue;
            }
            Integer segments = settings.getInitialSegmentCount();
            if (segments == null || segments < 1) {
                throw new IllegalStateException("Event processor '" + processor.getKey() + "' runs pooled without "
                        + "axon.eventhandling.processors." + processor.getKey() + ".initial-segment-count: set it (1 keeps "
                        + "the order of events across aggregates)");
            }
            boolean eventStore = settings.getSource() == null;
            configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(processor.getKey(),
                    (configuration, builder) -> {
                        builder.maxClaimedSegments(segments);
                        if (eventStore) {
                            builder.messageSource(wakeUp.wrap(configuration.eventStore()));
                        }
                        return builder;
                    });
        }
        configurer.onShutdown(wakeUp::stop);
    }
}
