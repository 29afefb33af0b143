package nl.startpakket.fulfilment.api;

/** What went wrong with a job on its way to the family. */
public enum ExceptionKind {
    /** The family cannot be reached to arrange pickup or delivery. */
    NOT_REACHABLE,
    /** The package came back to the foundation. */
    RETURNED,
    /** The delivery address is wrong or unknown. */
    ADDRESS_UNKNOWN
}
