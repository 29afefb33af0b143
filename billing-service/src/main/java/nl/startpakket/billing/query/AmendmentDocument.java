package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One amendment in a contract's history, keyed by the id of the stored event (idempotent). */
@Document("contract_amendments")
public record AmendmentDocument(
        @Id String eventId,
        String contractId,
        Integer maxPackages,
        BigDecimal budget,
        LocalDate validTo,
        Integer previousMaxPackages,
        BigDecimal previousBudget,
        LocalDate previousValidTo,
        String amendedBy,
        String reason,
        Instant amendedAt) {
}
