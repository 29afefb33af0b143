package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The job left the queue for good. {@code heldBy} (the volunteer who held it) is told;
 * {@code restocked} when a packed package at the foundation went back to stock, with the items
 * it held.
 */
@Revision("1")
public record PackingJobCancelledEvent(
        String jobId,
        String referralId,
        CancellationCause cause,
        String reason,
        JobStatus previousStatus,
        String heldBy,
        boolean restocked,
        List<ItemQuantity> restockedItems,
        Instant occurredAt) {

    public PackingJobCancelledEvent {
        restockedItems = restockedItems == null ? List.of() : List.copyOf(restockedItems);
    }
}
