package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** These lines are invoiced together as {@code invoiceId}, with the recipient and VAT in force now. */
@Revision("1")
public record InvoicePeriodClosedEvent(
        String contractId,
        String municipality,
        String invoiceId,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<InvoiceLine> lines,
        InvoicingDetails invoicing,
        String requestedBy,
        Instant occurredAt) {
}
