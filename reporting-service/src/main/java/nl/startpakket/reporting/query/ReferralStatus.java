package nl.startpakket.reporting.query;

/** The referral's status as partners see it: the furthest stage reached. */
public enum ReferralStatus {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    FUNDED,
    ON_HOLD,
    PACKING,
    PACKED,
    DELIVERED,
    CANCELLED
}
