package nl.startpakket.events.billing.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;

/** New terms after an amendment; each field holds the value in force after it. */
public record ContractAmended(
        UUID eventId,
        Instant occurredAt,
        String contractId,
        String municipality,
        LocalDate validTo,
        Integer maxPackages,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal budget,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return contractId;
    }
}
