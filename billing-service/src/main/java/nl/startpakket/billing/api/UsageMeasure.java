package nl.startpakket.billing.api;

/** What a usage warning measures: packages against the cap, or euros against the budget. */
public enum UsageMeasure {
    CAP,
    BUDGET
}
