package nl.startpakket.billing.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.EInvoiceRules;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.InvoiceNumbering;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.IssueInvoiceCommand;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.command.invoice.Invoice;
import nl.startpakket.billing.command.invoice.InvoiceDrafts;
import nl.startpakket.billing.query.InvoiceDocument;
import nl.startpakket.events.Phase;

/**
 * The contract's {@link EInvoiceRules}: the document a closed period or a credit would issue, as
 * {@link InvoiceDrafts} makes it and {@link UblInvoiceWriter} writes it, checked against the
 * official rule sets ({@link EInvoiceValidation}). The number is not drawn yet when the contract
 * asks (a refused document must not take one), so the draft carries a provisional number of the
 * same form; no rule reads more of the number than that it is there.
 */
public class OfficialInvoiceRules implements EInvoiceRules {

    /** A sequence the series never gives: numbers start at 1. */
    private static final long PROVISIONAL_SEQUENCE = 0;

    private final InvoiceDrafts drafts;
    private final EInvoiceValidation validation;

    public OfficialInvoiceRules(InvoiceDrafts drafts, EInvoiceValidation validation) {
        this.drafts = drafts;
        this.validation = validation;
    }

    @Override
    public List<EInvoiceRuleFailure> check(InvoicePeriodClosedEvent invoice) {
        return failuresOf(drafts.invoice(invoice, provisionalNumber(invoice.occurredAt())), invoice.occurredAt());
    }

    @Override
    public List<EInvoiceRuleFailure> check(InvoiceCreditedEvent creditNote) {
        String provisional = provisionalNumber(creditNote.occurredAt());
        return failuresOf(drafts.creditNote(creditNote, provisional, provisional), creditNote.occurredAt());
    }

    /**
     * Compiles every rule set this service uses by checking a sample invoice and credit note (the
     * first check of a rule set takes seconds, later ones milliseconds); answers how long it took.
     */
    public Duration warmUp() {
        long started = System.nanoTime();
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        InvoicingDetails invoicing = new InvoicingDetails(new InvoiceRecipient("Gemeente Voorbeeld", "Postbus 1", "1000 AA",
                "Voorbeeld", "NL", "warm-up", null, "0190", "00000001000000000000"),
                new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw / Exempt from VAT"));
        List<InvoiceLine> lines = List.of(new InvoiceLine("R-warm-up", Phase.BABY, day, Money.eur(1)));
        check(new InvoicePeriodClosedEvent("warm-up", "GM0000", "INV-warm-up", day, day, lines, invoicing, "warm-up", now));
        check(new InvoiceCreditedEvent("warm-up", "GM0000", "INV-warm-up", "CN-warm-up", lines, invoicing, "warm-up",
                "warm-up", now));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private List<EInvoiceRuleFailure> failuresOf(IssueInvoiceCommand draft, Instant at) {
        return validation.errorsOf(InvoiceDocument.of(Invoice.issued(draft, at)));
    }

    private static String provisionalNumber(Instant at) {
        return InvoiceNumbering.format(InvoiceDrafts.year(at), PROVISIONAL_SEQUENCE);
    }
}
