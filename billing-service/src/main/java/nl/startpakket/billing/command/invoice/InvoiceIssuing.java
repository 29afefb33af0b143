package nl.startpakket.billing.command.invoice;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.startpakket.billing.api.AssignInvoiceNumberCommand;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoiceKind;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.IssueInvoiceCommand;
import nl.startpakket.billing.api.SellerParty;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Turns a closed invoice period (or a credit) into an issued document: draws its number from the
 * year's series, then issues it. Both steps are idempotent per document id and the processor
 * retries until both succeeded, so every number drawn ends up on exactly one issued document:
 * the series stays gapless across crashes and restarts. The issue date is the day the period
 * was closed, so a retry issues the same document.
 */
@ProcessingGroup(InvoiceIssuing.PROCESSING_GROUP)
public class InvoiceIssuing {

    public static final String PROCESSING_GROUP = "invoice-issuing";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final CommandGateway commandGateway;
    private final SellerParty seller;
    private final int paymentTermDays;

    public InvoiceIssuing(CommandGateway commandGateway, SellerParty seller, int paymentTermDays) {
        this.commandGateway = commandGateway;
        this.seller = seller;
        this.paymentTermDays = paymentTermDays;
    }

    @EventHandler
    void on(InvoicePeriodClosedEvent event) {
        LocalDate issueDate = LocalDate.ofInstant(event.occurredAt(), ZONE);
        String number = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.invoiceId(), issueDate.getYear()));
        commandGateway.sendAndWait(new IssueInvoiceCommand(event.invoiceId(), InvoiceKind.INVOICE, number, issueDate,
                issueDate.plusDays(paymentTermDays), event.contractId(), event.municipality(), seller, event.invoicing(),
                event.periodStart(), event.periodEnd(), event.lines(), null, null, null));
    }

    @EventHandler
    void on(InvoiceCreditedEvent event) {
        LocalDate issueDate = LocalDate.ofInstant(event.occurredAt(), ZONE);
        String originalNumber = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.invoiceId(),
                issueDate.getYear()));
        String number = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.creditNoteId(), issueDate.getYear()));
        LocalDate firstLine = event.lines().stream().map(l -> l.deliveredOn()).min(LocalDate::compareTo).orElse(issueDate);
        LocalDate lastLine = event.lines().stream().map(l -> l.deliveredOn()).max(LocalDate::compareTo).orElse(issueDate);
        commandGateway.sendAndWait(new IssueInvoiceCommand(event.creditNoteId(), InvoiceKind.CREDIT_NOTE, number, issueDate,
                issueDate, event.contractId(), event.municipality(), seller, event.invoicing(), firstLine, lastLine,
                event.lines(), event.invoiceId(), originalNumber, event.reason()));
    }
}
