package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything beyond the v1 report that an evaluation needs, exact (before suppression):
 * figures per month, outcomes, distributions and the use of each contract in force.
 *
 * @param simulated some of the facts come from the simulated demo history, not from real events
 */
public record EvaluationDetails(
        List<Month> months,
        Outcomes outcomes,
        Distribution leadTimeDays,
        Distribution weeksBeforeDueDate,
        Distribution pregnancyWeekAtReferral,
        List<ContractUse> contracts,
        boolean simulated) {

    /** Referrals by referral month and deliveries by delivery month. */
    public record Month(YearMonth month, long referrals, long referralsBaby, long referralsToddler,
                        long deliveries, long deliveriesBaby, long deliveriesToddler) {
    }

    /** The reasons of a rejection every evaluation lists, zero or not (so that a missing one says nothing). */
    public static final List<String> REJECTION_REASONS = List.of("DUPLICATE");
    /** The reasons for holding funding every evaluation lists, zero or not. */
    public static final List<String> HOLD_REASONS = List.of("BUDGET_EXHAUSTED", "CAP_REACHED", "CONTRACT_ENDED", "NO_CONTRACT");

    /**
     * What became of the referrals of the period.
     *
     * @param onHoldNow whose latest funding decision is "on hold"
     * @param everHeld  that were on hold at some time (released later or not)
     */
    public record Outcomes(long accepted, long rejected, Map<String, Long> rejectedByReason, long cancelled,
                           long onHoldNow, long everHeld, Map<String, Long> heldByReason) {
    }

    /** Counts per bucket (labels in order), with the median of the underlying values. */
    public record Distribution(Map<String, Long> buckets, BigDecimal median, long count) {
    }

    /**
     * The use of one contract: slots reserved (delivered ones included) against the cap, their
     * value against the budget, and when the cap and the budget are (or will be, at the
     * average daily rate since the contract began) reached.
     *
     * @param invoicedPackages the lines of its invoices
     * @param invoicedMonths   the months its invoice periods cover
     * @param onePrice         both amounts are their count times one price per package
     */
    public record ContractUse(String contractId, LocalDate validFrom, LocalDate validTo, Integer cap, BigDecimal budget,
                              long slotsUsed, long delivered, long onHoldNow, BigDecimal reservedAmount,
                              BigDecimal invoicedAmount, BigDecimal capShare, BigDecimal budgetShare,
                              Forecast capForecast, Forecast budgetForecast, long invoicedPackages,
                              List<YearMonth> invoicedMonths, boolean onePrice) {
    }

    /**
     * @param date           when the limit was reached, or is expected to be; null without a basis
     * @param reached        the limit has been reached already
     * @param withinContract the date falls within the contract period
     */
    public record Forecast(LocalDate date, boolean reached, boolean withinContract) {

        public static final Forecast NONE = new Forecast(null, false, false);
    }
}
