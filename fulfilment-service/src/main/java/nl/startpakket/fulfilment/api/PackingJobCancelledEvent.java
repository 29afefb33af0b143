package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The job left the queue for good. {@code heldBy} is told; {@code restocked} when a packed package went back to stock. */
@Revision("1")
public record PackingJobCancelledEvent(
        String jobId,
        String referralId,
        CancellationCause cause,
        String reason,
        JobStatus previousStatus,
        String heldBy,
        boolean restocked,
        Instant occurredAt) {
}
