package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** A funded referral waits in the packing queue with a deadline. */
public record PackingJobQueued(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId,
        String municipality,
        Phase phase,
        LocalDate deadline) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
