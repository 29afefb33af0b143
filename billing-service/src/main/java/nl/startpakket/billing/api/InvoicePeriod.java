package nl.startpakket.billing.api;

/** How often a contract's deliveries are invoiced. */
public enum InvoicePeriod {
    MONTHLY,
    QUARTERLY,
    END_OF_CONTRACT
}
