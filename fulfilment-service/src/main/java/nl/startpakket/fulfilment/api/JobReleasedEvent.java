package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The job went back to the queue: given back by its holder or a coordinator, or released because the claim went stale. */
@Revision("1")
public record JobReleasedEvent(
        String jobId,
        String referralId,
        String volunteer,
        String releasedBy,
        ReleaseReason reason,
        Instant occurredAt) {
}
