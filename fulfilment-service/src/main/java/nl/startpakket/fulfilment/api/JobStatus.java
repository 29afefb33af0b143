package nl.startpakket.fulfilment.api;

/**
 * Where a packing job stands. {@code PENDING}: only one of funding and delivery details is known,
 * the job is not yet in the queue. The others are the statuses of the public API.
 */
public enum JobStatus {
    PENDING,
    QUEUED,
    CLAIMED,
    PACKED,
    HANDED_OVER,
    DELIVERED,
    CANCELLED,
    EXCEPTION;

    /** Still work to do for the foundation. */
    public boolean isOpen() {
        return this == QUEUED || this == CLAIMED || this == PACKED || this == EXCEPTION;
    }
}
