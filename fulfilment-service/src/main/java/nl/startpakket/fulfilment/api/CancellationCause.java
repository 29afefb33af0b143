package nl.startpakket.fulfilment.api;

/** Why a job was cancelled: its referral was withdrawn, or billing gave its funding up. */
public enum CancellationCause {
    REFERRAL_CANCELLED,
    FUNDING_RELEASED
}
