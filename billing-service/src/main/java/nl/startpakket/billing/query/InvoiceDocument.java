package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.InvoiceIssuedEvent;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.api.VatTreatment;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issued invoice or credit note as issued (amounts positive; {@code kind} tells the sign).
 * No personal data: lines carry only pseudonymous referral ids, dates, phases and amounts.
 */
@Document("invoices")
public record InvoiceDocument(
        @Id String invoiceId,
        String kind,
        String number,
        int year,
        LocalDate issueDate,
        LocalDate dueDate,
        String contractId,
        String municipality,
        SellerParty seller,
        InvoiceRecipient recipient,
        VatTreatment vat,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<Line> lines,
        BigDecimal lineTotal,
        BigDecimal vatAmount,
        BigDecimal total,
        String precedingInvoiceId,
        String precedingInvoiceNumber,
        String note,
        Instant issuedAt) {

    public record Line(String referralId, String phase, LocalDate deliveredOn, BigDecimal amount) {
    }

    /** The document as the event issued it. */
    public static InvoiceDocument of(InvoiceIssuedEvent event) {
        return new InvoiceDocument(event.invoiceId(), event.kind().name(), event.number(), event.issueDate().getYear(),
                event.issueDate(), event.dueDate(), event.contractId(), event.municipality(), event.seller(),
                event.invoicing().recipient(), event.invoicing().vat(), event.periodStart(), event.periodEnd(),
                event.lines().stream().map(l -> new Line(l.referralId(), l.phase().name(), l.deliveredOn(),
                        l.amount().amount())).toList(),
                event.lineTotal().amount(), event.vatAmount().amount(), event.total().amount(),
                event.precedingInvoiceId(), event.precedingInvoiceNumber(), event.note(), event.occurredAt());
    }

    public boolean isCreditNote() {
        return "CREDIT_NOTE".equals(kind);
    }

    /** +1 for an invoice, -1 for a credit note. */
    public BigDecimal sign() {
        return isCreditNote() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    }
}
