package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A volunteer holds the job and is packing it. */
@Revision("1")
public record JobClaimedEvent(
        String jobId,
        String referralId,
        String volunteer,
        Instant occurredAt) {
}
