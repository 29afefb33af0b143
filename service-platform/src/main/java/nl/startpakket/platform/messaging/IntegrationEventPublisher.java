package nl.startpakket.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.platform.PlatformProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an integration event to its topic as a CloudEvent in binary mode, keyed by its subject.
 * The binding is synchronous with {@code acks=all}: this method returns only once the broker has
 * acknowledged, and throws otherwise, so the calling tracking processor keeps its token where it
 * was and tries again. The event store is the outbox.
 */
public class IntegrationEventPublisher {

    private final StreamBridge streamBridge;
    private final IntegrationEventCodec codec;
    private final PlatformProperties properties;
    private final MeterRegistry meterRegistry;

    public IntegrationEventPublisher(StreamBridge streamBridge, IntegrationEventCodec codec,
                                     PlatformProperties properties, MeterRegistry meterRegistry) {
        this.streamBridge = streamBridge;
        this.codec = codec;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
    }

    public void publish(IntegrationEvent event) {
        EventDescriptor descriptor = EventCatalog.of(event);
        Message<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, event.subject())
                .setHeader(CloudEventHeaders.SPEC_VERSION, utf8(CloudEventHeaders.SPEC_VERSION_VALUE))
                .setHeader(CloudEventHeaders.ID, utf8(event.eventId().toString()))
                .setHeader(CloudEventHeaders.TYPE, utf8(descriptor.type()))
                .setHeader(CloudEventHeaders.SOURCE, utf8(properties.getEventSource()))
                .setHeader(CloudEventHeaders.TIME, utf8(event.occurredAt().toString()))
                .setHeader(CloudEventHeaders.SUBJECT, utf8(event.subject()))
                .setHeader(CloudEventHeaders.SCHEMA_VERSION, utf8(Integer.toString(descriptor.version())))
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .build();
        if (!streamBridge.send(descriptor.topic(), message)) {
            throw new IllegalStateException("Kafka did not accept " + descriptor.type() + " " + event.eventId());
        }
        meterRegistry.counter("startpakket.events.published", "type", descriptor.type()).increment();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
