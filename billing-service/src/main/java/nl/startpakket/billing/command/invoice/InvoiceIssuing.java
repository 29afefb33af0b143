package nl.startpakket.billing.command.invoice;

import nl.startpakket.billing.api.AssignInvoiceNumberCommand;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Turns a closed invoice period (or a credit) into an issued document: draws its number from the
 * year's series, then issues it. Both steps are idempotent per document id and the processor
 * retries until both succeeded, so every number drawn ends up on exactly one issued document:
 * the series stays gapless across crashes and restarts. Nothing here can refuse the document:
 * the e-invoice rules checked it (as {@link InvoiceDrafts} makes it) before the period was
 * closed, so a refused invoice never gets here and never draws a number.
 */
@ProcessingGroup(InvoiceIssuing.PROCESSING_GROUP)
public class InvoiceIssuing {

    public static final String PROCESSING_GROUP = "invoice-issuing";

    private final CommandGateway commandGateway;
    private final InvoiceDrafts drafts;

    public InvoiceIssuing(CommandGateway commandGateway, InvoiceDrafts drafts) {
        this.commandGateway = commandGateway;
        this.drafts = drafts;
    }

    @EventHandler
    void on(InvoicePeriodClosedEvent event) {
        String number = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.invoiceId(),
                InvoiceDrafts.year(event.occurredAt())));
        commandGateway.sendAndWait(drafts.invoice(event, number));
    }

    @EventHandler
    void on(InvoiceCreditedEvent event) {
        int year = InvoiceDrafts.year(event.occurredAt());
        String originalNumber = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.invoiceId(), year));
        String number = commandGateway.sendAndWait(AssignInvoiceNumberCommand.of(event.creditNoteId(), year));
        commandGateway.sendAndWait(drafts.creditNote(event, number, originalNumber));
    }
}
