package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Packages reserved (not yet delivered), delivered, waiting on hold, the packages still
 * possible under cap and budget (null without either), the amount committed (reserved and
 * delivered), the amount invoiced net of credit notes (excluding VAT), and at the current rate
 * the date the cap will be reached (null without cap or without usage).
 */
public record ContractUsage(
        long reserved,
        long delivered,
        long onHold,
        Long remaining,
        BigDecimal committedAmount,
        BigDecimal invoicedAmount,
        LocalDate forecastCapReachedOn) {
}
