package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The exception is solved. The job is back as {@code status}: QUEUED when nothing was packed yet,
 * PACKED when the package is at the foundation, HANDED_OVER when it is still on its way.
 */
@Revision("1")
public record JobResumedEvent(
        String jobId,
        String referralId,
        JobStatus status,
        String note,
        String resumedBy,
        Instant occurredAt) {
}
