package nl.startpakket.billing.api;

/** Why a referral waits for funding (the {@code reason} of {@code funding.FundingOnHold}). */
public enum HoldReason {
    CAP_REACHED,
    BUDGET_EXHAUSTED,
    NO_CONTRACT,
    CONTRACT_ENDED
}
