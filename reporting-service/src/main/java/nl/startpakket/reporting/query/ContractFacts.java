package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.events.Phase;

/**
 * A municipal contract as reporting needs it: the terms in force after the latest amendment and
 * the invoices issued under it. Amounts in EUR excluding VAT unless named otherwise.
 *
 * @param maxPackages  the cap, null when the contract has none
 * @param budget       null when the contract has no budget
 * @param registeredOn the day billing registered the contract; null in facts stored before it was kept
 */
public record ContractFacts(
        String contractId,
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        BigDecimal babyPrice,
        BigDecimal toddlerPrice,
        Integer maxPackages,
        BigDecimal budget,
        LocalDate registeredOn,
        List<Invoice> invoices) {

    public ContractFacts {
        invoices = invoices == null ? List.of() : List.copyOf(invoices);
    }

    public BigDecimal price(Phase phase) {
        return phase == Phase.BABY ? babyPrice : toddlerPrice;
    }

    /**
     * The day from which usage counts towards a rate: the contract's start, or the day it was
     * registered when that is later (usage before registration is not in the system). Billing's
     * cap forecast counts from the same day, so both show the same date.
     */
    public LocalDate countingFrom() {
        return registeredOn != null && validFrom != null && registeredOn.isAfter(validFrom) ? registeredOn : validFrom;
    }

    public boolean registered() {
        return validFrom != null && validTo != null;
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return registered() && !validFrom.isAfter(to) && !validTo.isBefore(from);
    }

    public boolean validOn(LocalDate day) {
        return registered() && !validFrom.isAfter(day) && !validTo.isBefore(day);
    }

    /** One issued invoice (or credit note, negative). */
    public record Invoice(String invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate periodStart,
                          LocalDate periodEnd, int lineCount, BigDecimal totalExcludingVat, BigDecimal total) {
    }
}
