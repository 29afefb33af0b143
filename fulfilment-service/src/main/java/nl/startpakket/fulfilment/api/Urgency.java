package nl.startpakket.fulfilment.api;

/** How urgent an open job is against its deadline. */
public enum Urgency {
    /** The deadline has passed. */
    OVERDUE,
    /** The deadline falls within the at-risk window (default a week). */
    AT_RISK,
    ON_TRACK
}
