package nl.startpakket.billing.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Invoice everything delivered and not yet invoiced up to {@code periodEnd}. Answers the
 * {@link InvoicePeriodResult}: the same invoice again for a period already invoiced, null when
 * there is nothing to invoice.
 */
public record CloseInvoicePeriodCommand(
        @TargetAggregateIdentifier String contractId,
        LocalDate periodEnd,
        String requestedBy) {
}
