package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;

/** A volunteer claimed the job and is packing it. */
public record PackingStarted(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
