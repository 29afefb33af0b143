package nl.startpakket.referral.api;

/** Why a referral's personal data was erased: a data subject's request, or the retention rule. */
public enum ErasureReason {
    REQUEST,
    RETENTION
}
