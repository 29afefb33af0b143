package nl.startpakket.billing.api;

/** An invoice, or a credit note that corrects one (never an edit of the invoice). */
public enum InvoiceKind {
    INVOICE,
    CREDIT_NOTE
}
