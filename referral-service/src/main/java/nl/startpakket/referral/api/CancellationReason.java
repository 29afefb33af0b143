package nl.startpakket.referral.api;

/**
 * Why a referral is withdrawn. A code, never free text: the reason travels on the referral topic
 * to billing and reporting, where no personal data may go.
 */
public enum CancellationReason {
    PREGNANCY_ENDED,
    MOVED_AWAY,
    NO_LONGER_NEEDED,
    OTHER
}
