package nl.startpakket.reporting.query;

import static nl.startpakket.reporting.query.FigureCalculator.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import nl.startpakket.events.Phase;
import nl.startpakket.reporting.query.EvaluationDetails.Forecast;

/**
 * Derives the evaluation details of a municipality and period from the facts, by business date
 * like {@link FigureCalculator}. Pure: the same facts and day give the same details.
 */
public final class DetailCalculator {

    /** Lead time buckets in days (upper bounds inclusive; the last is open). */
    static final int[] LEAD_TIME_BOUNDS = {7, 14, 21, 28, 42};
    /** Weeks before the due date: after the due date, then 0-1, 2-3, 4-7, 8-11, 12+. */
    static final int[] WEEKS_BEFORE_BOUNDS = {1, 3, 7, 11};
    /** Pregnancy week at referral: up to 11, 12-19, 20-27, 28-33, 34+. */
    static final int[] PREGNANCY_WEEK_BOUNDS = {11, 19, 27, 33};

    private DetailCalculator() {
    }

    public static EvaluationDetails calculate(String municipality, LocalDate from, LocalDate to, LocalDate today,
                                              List<ReferralFacts> facts, List<ContractFacts> contracts,
                                              boolean simulated) {
        List<ReferralFacts> own = facts.stream().filter(f -> municipality.equals(f.municipality())).toList();
        List<ReferralFacts> referred = own.stream().filter(f -> within(f.referralDate(), from, to)).toList();
        List<ReferralFacts> handedOver = own.stream().filter(f -> within(f.handedOverOn(), from, to)).toList();

        List<Long> leadTimes = handedOver.stream().map(ReferralFacts::leadTimeDays).filter(Objects::nonNull).sorted().toList();
        List<Long> weeksBefore = handedOver.stream()
                .filter(f -> f.phase() == Phase.BABY && f.daysBeforeDueDate() != null)
                .map(f -> (long) Math.floorDiv(f.daysBeforeDueDate(), 7))
                .sorted().toList();
        List<Long> pregnancyWeeks = referred.stream()
                .filter(f -> f.phase() == Phase.BABY && f.pregnancyWeekAtReferral() != null)
                .map(f -> (long) f.pregnancyWeekAtReferral())
                .sorted().toList();

        return new EvaluationDetails(
                months(own, from, to),
                outcomes(referred),
                distribution(leadTimes, LEAD_TIME_BOUNDS, false),
                distribution(weeksBefore, WEEKS_BEFORE_BOUNDS, true),
                distribution(pregnancyWeeks, PREGNANCY_WEEK_BOUNDS, false),
                contracts.stream()
                        .filter(c -> municipality.equals(c.municipality()) && c.overlaps(from, to))
                        .map(c -> contractUse(c, own, today))
                        .toList(),
                simulated);
    }

    static List<EvaluationDetails.Month> months(List<ReferralFacts> own, LocalDate from, LocalDate to) {
        List<EvaluationDetails.Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate start = max(month.atDay(1), from);
            LocalDate end = min(month.atEndOfMonth(), to);
            List<ReferralFacts> referred = own.stream().filter(f -> within(f.referralDate(), start, end)).toList();
            List<ReferralFacts> delivered = own.stream().filter(f -> within(f.deliveredOn(), start, end)).toList();
            months.add(new EvaluationDetails.Month(month, referred.size(), phase(referred, Phase.BABY),
                    phase(referred, Phase.TODDLER), delivered.size(), phase(delivered, Phase.BABY),
                    phase(delivered, Phase.TODDLER)));
        }
        return months;
    }

    static EvaluationDetails.Outcomes outcomes(List<ReferralFacts> referred) {
        return new EvaluationDetails.Outcomes(
                referred.stream().filter(ReferralFacts::accepted).count(),
                referred.stream().filter(f -> f.rejectionReason() != null).count(),
                countBy(referred.stream().filter(f -> f.rejectionReason() != null).toList(), ReferralFacts::rejectionReason,
                        EvaluationDetails.REJECTION_REASONS),
                referred.stream().filter(f -> f.cancelledOn() != null).count(),
                referred.stream().filter(f -> f.status() == ReferralStatus.ON_HOLD).count(),
                referred.stream().filter(f -> f.held() != null).count(),
                countBy(referred.stream().filter(f -> f.held() != null).toList(),
                        f -> f.held().reason() == null ? "UNKNOWN" : f.held().reason(), EvaluationDetails.HOLD_REASONS));
    }

    static EvaluationDetails.ContractUse contractUse(ContractFacts c, List<ReferralFacts> own, LocalDate today) {
        List<ReferralFacts> slots = own.stream()
                .filter(f -> f.fundingState() == ReferralFacts.FundingState.RESERVED
                        && c.contractId().equals(f.reserved().contractId()))
                .toList();
        BigDecimal reserved = slots.stream()
                .map(f -> f.billedAmount() != null ? f.billedAmount() : f.phase() == null ? null : c.price(f.phase()))
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_EVEN);
        List<ContractFacts.Invoice> invoices = c.invoices().stream().filter(i -> i.totalExcludingVat() != null).toList();
        BigDecimal invoiced = invoices.stream().map(ContractFacts.Invoice::totalExcludingVat)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
        long invoicedPackages = invoices.stream().mapToLong(ContractFacts.Invoice::lineCount).sum();
        long onHold = own.stream().filter(f -> f.status() == ReferralStatus.ON_HOLD && f.held() != null
                && c.contractId().equals(f.held().contractId())).count();
        long delivered = slots.stream().filter(f -> f.deliveredOn() != null).count();

        // reservations in the order of their business date, each with its value
        List<Map.Entry<LocalDate, BigDecimal>> reservations = slots.stream()
                .filter(f -> f.reserved().on() != null)
                .map(f -> Map.entry(f.reserved().on(),
                        f.billedAmount() != null ? f.billedAmount() : f.phase() == null ? BigDecimal.ZERO : nz(c.price(f.phase()))))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        Forecast capForecast = c.maxPackages() == null ? null
                : forecast(c, today, reservations.stream().map(e -> BigDecimal.ONE).toList(),
                reservations.stream().map(Map.Entry::getKey).toList(), BigDecimal.valueOf(c.maxPackages()));
        Forecast budgetForecast = c.budget() == null ? null
                : forecast(c, today, reservations.stream().map(Map.Entry::getValue).toList(),
                reservations.stream().map(Map.Entry::getKey).toList(), c.budget());
        return new EvaluationDetails.ContractUse(c.contractId(), c.validFrom(), c.validTo(), c.maxPackages(), c.budget(),
                slots.size(), delivered, onHold, reserved, invoiced,
                c.maxPackages() == null || c.maxPackages() == 0 ? null
                        : BigDecimal.valueOf(slots.size()).divide(BigDecimal.valueOf(c.maxPackages()), 2, RoundingMode.HALF_EVEN),
                c.budget() == null || c.budget().signum() == 0 ? null
                        : reserved.divide(c.budget(), 2, RoundingMode.HALF_EVEN),
                capForecast == null ? Forecast.NONE : capForecast,
                budgetForecast == null ? Forecast.NONE : budgetForecast,
                invoicedPackages, FigureCalculator.monthsCovered(invoices, LocalDate.MIN, LocalDate.MAX),
                FigureCalculator.atOnePrice(reserved, slots.size(), List.of(c))
                        && FigureCalculator.atOnePrice(invoiced, invoicedPackages, List.of(c)));
    }

    /**
     * When the running total of {@code amounts} (in date order) reached {@code limit}; else, at the
     * average daily rate from the contract's start (or its registration, if later; see
     * {@link ContractFacts#countingFrom()}) until today (or its end), when it will.
     */
    static Forecast forecast(ContractFacts c, LocalDate today, List<BigDecimal> amounts, List<LocalDate> dates,
                             BigDecimal limit) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            total = total.add(amounts.get(i));
            if (total.compareTo(limit) >= 0) {
                return new Forecast(dates.get(i), true, !dates.get(i).isAfter(c.validTo()));
            }
        }
        LocalDate asOf = min(today, c.validTo());
        long elapsedDays = ChronoUnit.DAYS.between(c.countingFrom(), asOf) + 1;
        if (total.signum() <= 0 || elapsedDays <= 0) {
            return null;
        }
        // remaining / (total / elapsed), computed exactly: a rounded daily rate can put the date a day late
        long daysNeeded = limit.subtract(total).multiply(BigDecimal.valueOf(elapsedDays))
                .divide(total, 0, RoundingMode.CEILING).longValueExact();
        LocalDate date = asOf.plusDays(daysNeeded);
        return new Forecast(date, false, !date.isAfter(c.validTo()));
    }

    /**
     * Buckets by inclusive upper bounds: "..b0", "b0+1..b1", ..., "bn+1+"; with
     * {@code belowZeroBucket} a first bucket "<0" for negative values.
     */
    static EvaluationDetails.Distribution distribution(List<Long> sorted, int[] bounds, boolean belowZeroBucket) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        if (belowZeroBucket) {
            buckets.put("<0", 0L);
        }
        long lower = 0;
        for (int bound : bounds) {
            buckets.put(lower + "-" + bound, 0L);
            lower = bound + 1;
        }
        String open = lower + "+";
        buckets.put(open, 0L);
        for (long value : sorted) {
            buckets.merge(bucketOf(value, bounds, belowZeroBucket, open), 1L, Long::sum);
        }
        return new EvaluationDetails.Distribution(buckets, FigureCalculator.median(sorted), sorted.size());
    }

    private static String bucketOf(long value, int[] bounds, boolean belowZeroBucket, String open) {
        if (value < 0) {
            return belowZeroBucket ? "<0" : "0-" + bounds[0];
        }
        long lower = 0;
        for (int bound : bounds) {
            if (value <= bound) {
                return lower + "-" + bound;
            }
            lower = bound + 1;
        }
        return open;
    }

    private static Map<String, Long> countBy(List<ReferralFacts> facts, Function<ReferralFacts, String> key,
                                             List<String> always) {
        Map<String, Long> counts = new TreeMap<>();
        always.forEach(k -> counts.put(k, 0L));
        facts.forEach(f -> counts.merge(key.apply(f), 1L, Long::sum));
        return counts;
    }

    private static long phase(List<ReferralFacts> facts, Phase phase) {
        return facts.stream().filter(f -> f.phase() == phase).count();
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
