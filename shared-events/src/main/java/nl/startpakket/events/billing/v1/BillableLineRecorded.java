package nl.startpakket.events.billing.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** A delivered package became one billable line at the contract price of its phase. */
public record BillableLineRecorded(
        UUID eventId,
        Instant occurredAt,
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) implements IntegrationEvent {

    @Override
    public String subject() {
        return contractId;
    }
}
