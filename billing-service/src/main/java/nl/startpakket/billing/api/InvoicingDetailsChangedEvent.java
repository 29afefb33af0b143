package nl.startpakket.billing.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** New recipient details or VAT treatment for the contract's next invoices (issued ones stay as they are). */
@Revision("1")
public record InvoicingDetailsChangedEvent(
        String contractId,
        InvoicingDetails invoicing,
        String changedBy,
        Instant occurredAt) {
}
