package nl.startpakket.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;

/**
 * JSON of integration events as it travels in a record value: ISO dates, unknown properties
 * ignored (so an additive change on the producer side does not break a consumer).
 */
public class IntegrationEventCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    public byte[] encode(IntegrationEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public IntegrationEvent decode(byte[] json, EventDescriptor descriptor) {
        try {
            return mapper.readValue(json, descriptor.javaType());
        } catch (IOException e) {
            throw new PoisonMessageException("Payload is not a valid " + descriptor.type() + " v" + descriptor.version()
                    + ": " + e.getMessage(), e);
        }
    }

}
