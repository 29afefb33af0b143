package nl.startpakket.billing.query;

import java.math.BigDecimal;

/**
 * Packages reserved (not yet delivered), delivered, waiting on hold, the packages still
 * possible under cap and budget (null without either), the amount committed (reserved and
 * delivered) and the amount invoiced.
 */
public record ContractUsage(
        long reserved,
        long delivered,
        long onHold,
        Long remaining,
        BigDecimal committedAmount,
        BigDecimal invoicedAmount) {
}
