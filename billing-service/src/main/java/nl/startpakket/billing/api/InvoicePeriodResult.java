package nl.startpakket.billing.api;

/** The invoice of a period, and whether this request created it. */
public record InvoicePeriodResult(String invoiceId, boolean created) {
}
