package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractAttachedEvent(
        String routeId,
        String municipality,
        String contractId,
        LocalDate validFrom,
        LocalDate validTo,
        Instant occurredAt) {
}
