package nl.startpakket.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Usage passed {@code thresholdPercent} (80 or 100) of the cap or the budget: time for the
 * municipality and the foundation to consult. Reported once per threshold and limit; an
 * amendment that raises the limit re-arms it.
 */
@Revision("1")
public record UsageThresholdReachedEvent(
        String contractId,
        String municipality,
        UsageMeasure measure,
        int thresholdPercent,
        BigDecimal used,
        BigDecimal limit,
        Instant occurredAt) {
}
