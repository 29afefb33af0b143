package nl.startpakket.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Turns a Kafka record into an integration event and hands it to a consumer exactly once per
 * event id. A record without CloudEvents headers, of an unknown type or schema version, or with
 * an unreadable payload is poison: it goes to the dead-letter topic at once with the reason. Any
 * other failure is retried by the binder, then dead-lettered; the partition goes on either way.
 */
public class InboundEventHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundEventHandler.class);

    private final IntegrationEventCodec codec;
    private final ProcessedEventStore processedEvents;
    private final MeterRegistry meterRegistry;

    public InboundEventHandler(IntegrationEventCodec codec, ProcessedEventStore processedEvents, MeterRegistry meterRegistry) {
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.meterRegistry = meterRegistry;
    }

    /**
     * @param consumer the name of the consuming binding, e.g. {@code onReferralEvent}
     * @param message  the record as the binder delivers it
     * @param handler  what to do with the event; must be idempotent on its own too
     */
    public void handle(String consumer, Message<byte[]> message, Consumer<IntegrationEvent> handler) {
        MessageHeaders headers = message.getHeaders();
        String eventId = header(headers, CloudEventHeaders.ID)
                .orElseThrow(() -> new PoisonMessageException("Missing header " + CloudEventHeaders.ID));
        String type = header(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new PoisonMessageException("Missing header " + CloudEventHeaders.TYPE));
        int version = header(headers, CloudEventHeaders.SCHEMA_VERSION).map(InboundEventHandler::parseVersion).orElse(1);
        EventDescriptor descriptor = EventCatalog.find(type, version)
                .orElseThrow(() -> new PoisonMessageException("Unknown event type " + type + " v" + version));
        if (processedEvents.isProcessed(consumer, eventId)) {
            meterRegistry.counter("startpakket.events.duplicates", "consumer", consumer, "type", type).increment();
            log.debug("Skipping {} {}: already processed by {}", type, eventId, consumer);
            return;
        }
        IntegrationEvent event = codec.decode(message.getPayload(), descriptor);
        handler.accept(event);
        processedEvents.markProcessed(consumer, eventId, type);
        meterRegistry.counter("startpakket.events.consumed", "consumer", consumer, "type", type).increment();
    }

    private static int parseVersion(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("Schema version is not a number: " + value);
        }
    }

    static Optional<String> header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            // Spring Cloud Function recognises CloudEvents and renames the Kafka binding's
            // attribute headers (ce_id) to their canonical form (ce-id) before the consumer runs
            value = headers.get("ce-" + name.substring("ce_".length()));
        }
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }
}
