package nl.startpakket.billing.api;

import java.time.LocalDate;

/**
 * The commercial terms of a municipal contract. {@code maxPackages} null means no cap,
 * {@code budget} null means no budget limit.
 */
public record ContractTerms(
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        Money babyPrice,
        Money toddlerPrice,
        Integer maxPackages,
        Money budget,
        InvoicePeriod invoicePeriod) {

    public Money priceOf(nl.startpakket.events.Phase phase) {
        return switch (phase) {
            case BABY -> babyPrice;
            case TODDLER -> toddlerPrice;
        };
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
