package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A usage warning (80% / 100% of cap or budget), keyed by the stored event's id. */
@Document("contract_warnings")
public record UsageWarningDocument(
        @Id String eventId,
        String contractId,
        String municipality,
        String measure,
        int thresholdPercent,
        BigDecimal used,
        BigDecimal limit,
        Instant reachedAt) {
}
