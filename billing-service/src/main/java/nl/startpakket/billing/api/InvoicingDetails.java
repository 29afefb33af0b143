package nl.startpakket.billing.api;

/** To whom a contract's invoices go and how VAT applies to them. */
public record InvoicingDetails(InvoiceRecipient recipient, VatTreatment vat) {
}
