package nl.startpakket.billing.command.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoiceKind;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.IssueInvoiceCommand;
import nl.startpakket.billing.api.SellerParty;

/**
 * The document a closed period or a credit becomes: the foundation as seller, the issue date (the
 * day the period was closed or the credit decided, so a retry issues the same document), the due
 * date after the payment term. One place for what is issued and for what the e-invoice rules
 * check before anything is stored, so the two cannot drift apart.
 */
public class InvoiceDrafts {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final SellerParty seller;
    private final int paymentTermDays;

    public InvoiceDrafts(SellerParty seller, int paymentTermDays) {
        this.seller = seller;
        this.paymentTermDays = paymentTermDays;
    }

    /** The invoice of a closed period under {@code number}. */
    public IssueInvoiceCommand invoice(InvoicePeriodClosedEvent event, String number) {
        LocalDate issueDate = issueDate(event.occurredAt());
        return new IssueInvoiceCommand(event.invoiceId(), InvoiceKind.INVOICE, number, issueDate,
                issueDate.plusDays(paymentTermDays), event.contractId(), event.municipality(), seller, event.invoicing(),
                event.periodStart(), event.periodEnd(), event.lines(), null, null, null);
    }

    /** The credit note of a credit under {@code number}, correcting the invoice numbered {@code originalNumber}. */
    public IssueInvoiceCommand creditNote(InvoiceCreditedEvent event, String number, String originalNumber) {
        LocalDate issueDate = issueDate(event.occurredAt());
        LocalDate firstLine = event.lines().stream().map(l -> l.deliveredOn()).min(LocalDate::compareTo).orElse(issueDate);
        LocalDate lastLine = event.lines().stream().map(l -> l.deliveredOn()).max(LocalDate::compareTo).orElse(issueDate);
        return new IssueInvoiceCommand(event.creditNoteId(), InvoiceKind.CREDIT_NOTE, number, issueDate,
                issueDate, event.contractId(), event.municipality(), seller, event.invoicing(), firstLine, lastLine,
                event.lines(), event.invoiceId(), originalNumber, event.reason());
    }

    /** The year whose number series a document issued at {@code occurredAt} draws from. */
    public static int year(Instant occurredAt) {
        return issueDate(occurredAt).getYear();
    }

    private static LocalDate issueDate(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt, ZONE);
    }
}
