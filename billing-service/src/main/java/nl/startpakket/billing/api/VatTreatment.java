package nl.startpakket.billing.api;

import java.math.BigDecimal;
import java.util.Set;

/**
 * How VAT applies to the per-package payment under a contract: the UNCL5305 category
 * ({@code S} standard, {@code Z} zero, {@code E} exempt, {@code AE} reverse charge, {@code O}
 * outside scope), the rate in percent, and for exempt categories the text shown on the invoice.
 */
public record VatTreatment(String category, BigDecimal ratePercent, String exemptionReason) {

    public static final Set<String> CATEGORIES = Set.of("S", "Z", "E", "AE", "O");
    private static final Set<String> NEEDS_REASON = Set.of("E", "AE", "O");

    public VatTreatment {
        ratePercent = ratePercent == null ? null : ratePercent.setScale(2, Money.ROUNDING);
    }

    public boolean needsExemptionReason() {
        return NEEDS_REASON.contains(category);
    }

    /** The VAT on an amount, rounded half-even to cents. */
    public Money vatOn(Money taxable) {
        return taxable.times(ratePercent.movePointLeft(2));
    }

    /** What can make a treatment inconsistent. */
    public enum Inconsistency { UNKNOWN_CATEGORY, RATE_OUT_OF_RANGE, RATE_NOT_ZERO, RATE_ZERO, EXEMPTION_TEXT_MISSING }

    /** Null when the treatment is consistent, otherwise what is wrong with it. */
    public Inconsistency inconsistency() {
        if (category == null || !CATEGORIES.contains(category)) {
            return Inconsistency.UNKNOWN_CATEGORY;
        }
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            return Inconsistency.RATE_OUT_OF_RANGE;
        }
        if (!"S".equals(category) && ratePercent.signum() != 0) {
            return Inconsistency.RATE_NOT_ZERO;
        }
        if ("S".equals(category) && ratePercent.signum() == 0) {
            return Inconsistency.RATE_ZERO;
        }
        if (needsExemptionReason() && (exemptionReason == null || exemptionReason.isBlank())) {
            return Inconsistency.EXEMPTION_TEXT_MISSING;
        }
        return null;
    }

    /** Null when the treatment is consistent, otherwise what is wrong with it, in words. */
    public String problem() {
        Inconsistency inconsistency = inconsistency();
        if (inconsistency == null) {
            return null;
        }
        return switch (inconsistency) {
            case UNKNOWN_CATEGORY -> "VAT category must be one of " + CATEGORIES;
            case RATE_OUT_OF_RANGE -> "VAT rate is a percentage from 0 to 100";
            case RATE_NOT_ZERO -> "VAT category " + category + " has rate 0";
            case RATE_ZERO -> "VAT category S has a rate above 0";
            case EXEMPTION_TEXT_MISSING -> "VAT category " + category + " needs the exemption text shown on the invoice";
        };
    }
}
