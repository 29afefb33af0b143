package nl.startpakket.billing.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.startpakket.billing.api.AssignInvoiceNumberCommand;
import nl.startpakket.billing.api.InvoiceNumberAssignedEvent;
import nl.startpakket.billing.api.InvoiceNumbering;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The gapless number series of invoices and credit notes, one sequence per year. One aggregate,
 * so two documents can never draw the same number; a document asking again gets the number it
 * has, so a retried issue after a crash fills its own number instead of leaving a gap.
 */
@Aggregate(cache = "invoiceNumberSeriesCache")
public class InvoiceNumberSeries {

    @AggregateIdentifier
    private String numberingId;
    private final Map<Integer, Long> lastSequenceOfYear = new HashMap<>();
    private final Map<String, String> numberOfDocument = new HashMap<>();

    protected InvoiceNumberSeries() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(AssignInvoiceNumberCommand command, Clock clock) {
        String existing = numberOfDocument.get(command.documentId());
        if (existing != null) {
            return existing;
        }
        long sequence = lastSequenceOfYear.getOrDefault(command.year(), 0L) + 1;
        String number = InvoiceNumbering.format(command.year(), sequence);
        apply(new InvoiceNumberAssignedEvent(command.numberingId(), command.documentId(), command.year(), sequence,
                number, clock.instant()));
        return number;
    }

    @EventSourcingHandler
    void on(InvoiceNumberAssignedEvent event) {
        numberingId = event.numberingId();
        lastSequenceOfYear.put(event.year(), event.sequence());
        numberOfDocument.put(event.documentId(), event.number());
    }
}
