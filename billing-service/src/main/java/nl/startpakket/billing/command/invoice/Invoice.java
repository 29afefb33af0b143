package nl.startpakket.billing.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import nl.startpakket.billing.api.InvoiceIssuedEvent;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.IssueInvoiceCommand;
import nl.startpakket.billing.api.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An invoice or credit note. Issued once with its number, lines and totals, and never changed:
 * a correction is a credit note of its own. Totals: the sum of the lines, VAT on that sum at the
 * contract's rate (rounded half-even to cents), and their sum.
 */
@Aggregate(cache = "invoiceCache")
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;

    protected Invoice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueInvoiceCommand command, Clock clock) {
        if (invoiceId != null) {
            return;
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new IllegalArgumentException("An invoice has at least one line");
        }
        apply(issued(command, clock.instant()));
    }

    /** The document the command issues at {@code at}: its lines with their totals. */
    public static InvoiceIssuedEvent issued(IssueInvoiceCommand command, Instant at) {
        Money lineTotal = command.lines().stream().map(InvoiceLine::amount).reduce(Money.ZERO, Money::plus);
        Money vat = command.invoicing().vat().vatOn(lineTotal);
        return new InvoiceIssuedEvent(command.invoiceId(), command.kind(), command.number(), command.issueDate(),
                command.dueDate(), command.contractId(), command.municipality(), command.seller(), command.invoicing(),
                command.periodStart(), command.periodEnd(), command.lines(), lineTotal, vat, lineTotal.plus(vat),
                command.precedingInvoiceId(), command.precedingInvoiceNumber(), command.note(), at);
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
    }
}
