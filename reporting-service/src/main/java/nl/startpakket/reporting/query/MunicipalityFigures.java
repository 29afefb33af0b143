package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * The exact evaluation figures of one municipality over one period, before any suppression.
 * Every map holds every key of its enum (zero when nothing happened), in enum order.
 */
public record MunicipalityFigures(
        String municipality,
        LocalDate from,
        LocalDate to,
        Referrals referrals,
        Deliveries deliveries,
        Money money,
        LeadTime leadTimeDays,
        Share babyBeforeDueDate,
        long followUpConsents,
        FollowUp followUp,
        Imported imported) {

    /**
     * The part of the period's referrals and deliveries that came from the years before Startpakket
     * (a municipality's imported history): already counted in {@link #referrals} and {@link #deliveries}.
     */
    public record Imported(long referrals, long delivered) {
    }

    /** The outcomes of a follow-up, {@code OPEN} while the social team recorded none. */
    public static final List<String> FOLLOW_UP_OUTCOMES = List.of("OPEN", "CONTACTED", "HELP_ACCEPTED", "DECLINED", "UNREACHABLE");

    /**
     * Follow-ups the delivered packages of the period's referrals opened (the parent agreed to be
     * contacted), by the social team's latest outcome; every outcome key, zero included.
     */
    public record FollowUp(long opened, Map<String, Long> byOutcome) {
    }

    /** Referrals whose referral date lies in the period. */
    public record Referrals(long total, Map<ReferralStatus, Long> byStatus, Map<Phase, Long> byPhase,
                            Map<IntermediaryType, Long> byIntermediaryType) {
    }

    /** Packages whose delivery date lies in the period. */
    public record Deliveries(long total, Map<Phase, Long> byPhase) {
    }

    /**
     * @param invoiced total excluding VAT of the invoices whose invoice period ends in the period
     * @param reserved value at contract price of the funding slots currently reserved (delivered
     *                 ones included) for referrals of the period
     * @param budget   the budget of the contracts in force during the period, null without budget
     * @param cap      the cap of those contracts, null without a cap
     * @param capUsed  the number of those reserved slots
     * @param invoicedPackages the lines of those invoices
     * @param invoicedMonths   the months of the period their invoice periods cover
     * @param reservedAtOnePrice {@code reserved} is {@code capUsed} times one price per package
     * @param invoicedAtOnePrice {@code invoiced} is {@code invoicedPackages} times one price per package
     */
    public record Money(BigDecimal invoiced, BigDecimal reserved, BigDecimal budget, Integer cap, long capUsed,
                        long invoicedPackages, List<YearMonth> invoicedMonths, boolean reservedAtOnePrice,
                        boolean invoicedAtOnePrice) {
    }

    /** Days from referral to hand-over of the packages handed over in the period. */
    public record LeadTime(BigDecimal median, Long p90, int packages) {
    }

    /** A share (0..1, two decimals) of {@code of} items; null share when there are none. */
    public record Share(BigDecimal share, long count, long of) {
    }
}
