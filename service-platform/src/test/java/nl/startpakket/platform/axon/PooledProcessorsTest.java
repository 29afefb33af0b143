package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;

class PooledProcessorsTest {

    @ProcessingGroup("views")
    static class Views {
        @EventHandler
        void on(String event) {
        }
    }

    @Test
    void shouldLetAnInstanceClaimAsManySegmentsAsTheProcessorIsConfiguredWith() {
        Configurer configurer = configurer();
        new PooledProcessors(properties(2)).configureModule(configurer);
        Configuration configuration = configurer.start();
        try {
            PooledStreamingEventProcessor views = configuration.eventProcessingConfiguration()
                    .eventProcessor("views", PooledStreamingEventProcessor.class).orElseThrow();
            // Axon's pooled default would claim up to Short.MAX_VALUE segments
            assertThat(views.maxCapacity()).isEqualTo(2);
        } finally {
            configuration.shutdown();
        }
    }

    @Test
    void shouldRefuseAPooledProcessorWithoutItsSegmentCount() {
        assertThatThrownBy(() -> new PooledProcessors(properties(null)).configureModule(configurer()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.eventhandling.processors.views.initial-segment-count");
    }

    private static Configurer configurer() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor("views")
                .registerEventHandler(c -> new Views());
        return configurer;
    }

    private static EventProcessorProperties properties(Integer segments) {
        EventProcessorProperties.ProcessorSettings views = new EventProcessorProperties.ProcessorSettings();
        views.setMode(EventProcessorProperties.Mode.POOLED);
        views.setInitialSegmentCount(segments);
        EventProcessorProperties properties = new EventProcessorProperties();
        properties.getProcessors().put("views", views);
        return properties;
    }
}
