package nl.startpakket.reporting.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed periods in which an evaluator sees a municipality's figures: the contract periods
 * (contracts whose periods overlap make one period together) and, outside them, the calendar
 * years (the part of each year no contract covers). They never overlap, so no two published
 * evaluations differ by a part of a period: with Jan–Jun and Jan–Jul both published, the totals
 * would differ by July's referrals, status by status, whatever is hidden inside each.
 */
public final class EvaluationPeriods {

    private final List<ReportPeriod> contractPeriods;

    private EvaluationPeriods(List<ReportPeriod> contractPeriods) {
        this.contractPeriods = contractPeriods;
    }

    /** The periods of these contracts (registered ones; others are ignored). */
    public static EvaluationPeriods of(List<ContractFacts> contracts) {
        List<ReportPeriod> sorted = contracts.stream().filter(ContractFacts::registered)
                .map(c -> new ReportPeriod(c.validFrom(), c.validTo()))
                .sorted(Comparator.comparing(ReportPeriod::from)).toList();
        List<ReportPeriod> merged = new ArrayList<>();
        for (ReportPeriod p : sorted) {
            ReportPeriod last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !p.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new ReportPeriod(last.from(), p.to().isAfter(last.to()) ? p.to() : last.to()));
            } else {
                merged.add(p);
            }
        }
        return new EvaluationPeriods(List.copyOf(merged));
    }

    /** The period that contains {@code day}. */
    public ReportPeriod containing(LocalDate day) {
        LocalDate from = LocalDate.of(day.getYear(), 1, 1);
        LocalDate to = LocalDate.of(day.getYear(), 12, 31);
        for (ReportPeriod p : contractPeriods) {
            if (!day.isBefore(p.from()) && !day.isAfter(p.to())) {
                return p;
            }
            if (p.to().isBefore(day) && !p.to().isBefore(from)) {
                from = p.to().plusDays(1);
            }
            if (p.from().isAfter(day) && !p.from().isAfter(to)) {
                to = to.isBefore(p.from()) ? to : p.from().minusDays(1);
            }
        }
        return new ReportPeriod(from, to);
    }

    /** Whether an evaluator may see {@code period}: it is one of the fixed periods. */
    public boolean publishes(ReportPeriod period) {
        return containing(period.from()).equals(period);
    }

    /** The contract periods (overlapping ones merged), in order. */
    public List<ReportPeriod> contractPeriods() {
        return contractPeriods;
    }
}
