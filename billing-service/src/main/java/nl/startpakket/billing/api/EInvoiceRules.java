package nl.startpakket.billing.api;

import java.util.List;

/**
 * The official e-invoice rule sets (EN 16931, Peppol BIS Billing 3.0 and SI-UBL 2.0) that every
 * invoice and credit note passes before it is issued. The contract asks them while it closes a
 * period or credits an invoice, before anything is stored, so a refused document takes no lines
 * and draws no number from the series.
 */
public interface EInvoiceRules {

    /** The error-level rules the invoice that this event would issue breaks; empty when it may be issued. */
    List<EInvoiceRuleFailure> check(InvoicePeriodClosedEvent invoice);

    /** The error-level rules the credit note that this event would issue breaks; empty when it may be issued. */
    List<EInvoiceRuleFailure> check(InvoiceCreditedEvent creditNote);
}
