package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The terms in force after an amendment, with the previous ones, who agreed it and why. */
@Revision("1")
public record ContractAmendedEvent(
        String contractId,
        String municipality,
        LocalDate validFrom,
        Integer maxPackages,
        Money budget,
        LocalDate validTo,
        Integer previousMaxPackages,
        Money previousBudget,
        LocalDate previousValidTo,
        String amendedBy,
        String reason,
        Instant occurredAt) {
}
