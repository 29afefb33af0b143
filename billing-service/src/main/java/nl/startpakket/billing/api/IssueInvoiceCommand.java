package nl.startpakket.billing.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue the invoice or credit note with its number; issuing it again changes nothing. */
public record IssueInvoiceCommand(
        @TargetAggregateIdentifier String invoiceId,
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
        String precedingInvoiceId,
        String precedingInvoiceNumber,
        String note) {
}
