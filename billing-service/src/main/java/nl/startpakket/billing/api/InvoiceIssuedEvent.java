package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An invoice or credit note as issued: immutable from here on (kept 7 years). Amounts are
 * positive for both kinds; a credit note's amounts count negatively.
 */
@Revision("1")
public record InvoiceIssuedEvent(
        String invoiceId,
        InvoiceKind kind,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String contractId,
        String municipality,
        SellerParty seller,
        InvoicingDetails invoicing,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<InvoiceLine> lines,
        Money lineTotal,
        Money vatAmount,
        Money total,
        String precedingInvoiceId,
        String precedingInvoiceNumber,
        String note,
        Instant occurredAt) {
}
