package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Amended delivery details (a new due date) moved the deadline of a job that is still open. */
@Revision("1")
public record JobDeadlineChangedEvent(
        String jobId,
        String referralId,
        LocalDate deadline,
        Instant occurredAt) {
}
