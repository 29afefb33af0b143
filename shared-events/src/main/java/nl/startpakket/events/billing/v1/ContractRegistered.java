package nl.startpakket.events.billing.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;

/** A municipal contract with its terms, as evaluators need them. Amounts in EUR. */
public record ContractRegistered(
        UUID eventId,
        Instant occurredAt,
        String contractId,
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal babyPrice,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toddlerPrice,
        Integer maxPackages,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal budget) implements IntegrationEvent {

    @Override
    public String subject() {
        return contractId;
    }
}
