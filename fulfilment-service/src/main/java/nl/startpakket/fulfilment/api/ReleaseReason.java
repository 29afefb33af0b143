package nl.startpakket.fulfilment.api;

/** Why a claim ended without packing. */
public enum ReleaseReason {
    /** The holder gave it back. */
    GIVEN_BACK,
    /** A coordinator took it from the holder. */
    BY_COORDINATOR,
    /** Nobody worked on it for longer than the configured time. */
    STALE
}
