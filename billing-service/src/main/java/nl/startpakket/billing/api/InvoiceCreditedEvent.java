package nl.startpakket.billing.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A credit note {@code creditNoteId} takes these lines of {@code invoiceId} back; they may be invoiced again. */
@Revision("1")
public record InvoiceCreditedEvent(
        String contractId,
        String municipality,
        String invoiceId,
        String creditNoteId,
        List<InvoiceLine> lines,
        InvoicingDetails invoicing,
        String reason,
        String requestedBy,
        Instant occurredAt) {
}
