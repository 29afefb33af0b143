package nl.startpakket.billing.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceNumberAssignedEvent(
        String numberingId,
        String documentId,
        int year,
        long sequence,
        String number,
        Instant occurredAt) {
}
