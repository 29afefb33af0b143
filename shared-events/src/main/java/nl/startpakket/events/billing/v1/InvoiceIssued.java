package nl.startpakket.events.billing.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;

/** An invoice (or credit note, with a negative total) was issued to the municipality. */
public record InvoiceIssued(
        UUID eventId,
        Instant occurredAt,
        String contractId,
        String municipality,
        String invoiceId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        int lineCount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalExcludingVat,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) implements IntegrationEvent {

    @Override
    public String subject() {
        return contractId;
    }
}
