package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;

/** The job left the queue because its referral was cancelled; {@code restocked} when a packed package went back to stock. */
public record PackingJobCancelled(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId,
        boolean restocked) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
