package nl.startpakket.billing.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.query.InvoiceDocument;

/**
 * An invoice or credit note as JSON. Amounts are signed: a credit note's lines and totals are
 * negative, so the invoices of a contract add up to what the municipality owes.
 */
public record InvoiceResponse(
        String invoiceId,
        String number,
        String kind,
        String contractId,
        String municipality,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        String buyerReference,
        InvoiceRecipient recipient,
        SellerParty seller,
        Vat vat,
        List<Line> lines,
        int lineCount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalExcludingVat,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal vatAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String precedingInvoiceId,
        String precedingInvoiceNumber,
        String note) {

    public record Line(String referralId, String phase, LocalDate deliveredOn,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
    }

    public record Vat(String category, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
                      String exemptionReason) {
    }

    static InvoiceResponse of(InvoiceDocument i) {
        BigDecimal sign = i.sign();
        return new InvoiceResponse(i.invoiceId(), i.number(), i.kind(), i.contractId(), i.municipality(), i.issueDate(),
                i.dueDate(), i.periodStart(), i.periodEnd(), i.recipient().buyerReference(), i.recipient(), i.seller(),
                new Vat(i.vat().category(), i.vat().ratePercent(), i.vat().exemptionReason()),
                i.lines().stream().map(l -> new Line(l.referralId(), l.phase(), l.deliveredOn(),
                        l.amount().multiply(sign))).toList(),
                i.lines().size(), i.lineTotal().multiply(sign), i.vatAmount().multiply(sign), i.total().multiply(sign),
                i.precedingInvoiceId(), i.precedingInvoiceNumber(), i.note());
    }
}
