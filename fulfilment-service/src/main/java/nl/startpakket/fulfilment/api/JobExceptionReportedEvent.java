package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The job is stuck: {@code kind} and the reporter's {@code reason}; a claim on it ended. */
@Revision("1")
public record JobExceptionReportedEvent(
        String jobId,
        String referralId,
        ExceptionKind kind,
        String reason,
        JobStatus previousStatus,
        String reportedBy,
        Instant occurredAt) {
}
