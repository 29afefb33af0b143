package nl.startpakket.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.municipalities.Municipality;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.reporting.query.EvaluationPeriods;
import nl.startpakket.reporting.query.ReportPeriod;
import nl.startpakket.reporting.query.ReportQueries;
import nl.startpakket.reporting.query.SmallNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What every page, export and API answer of an evaluation does first: check who may see which
 * municipality, resolve the period, and apply the viewer's suppression.
 */
@Component
public class Evaluations {

    private final ReportQueries queries;
    private final ReportAccess access;
    private final MunicipalityRegister municipalities;

    public Evaluations(ReportQueries queries, ReportAccess access, MunicipalityRegister municipalities) {
        this.queries = queries;
        this.access = access;
        this.municipalities = municipalities;
    }

    /** The v1 report: the report part of the evaluation, so that it hides exactly what the evaluation hides. */
    public MunicipalityReport report(Authentication viewer, String code, LocalDate from, LocalDate to) {
        return view(viewer, code, from, to).report();
    }

    public EvaluationView view(Authentication viewer, String code, LocalDate from, LocalDate to) {
        SmallNumbers numbers = access.numbersFor(viewer, code);
        requireNotMerged(code);
        ReportPeriod period = numbers.suppress() ? evaluatorPeriod(code, from, to) : period(code, from, to);
        return EvaluationView.of(queries.evaluation(code, period), municipalities.nameOrCode(code), numbers);
    }

    /**
     * An evaluator sees one of the fixed evaluation periods ({@link EvaluationPeriods}), by default
     * the one of today; any other period would let two answers be subtracted.
     */
    ReportPeriod evaluatorPeriod(String code, LocalDate from, LocalDate to) {
        EvaluationPeriods periods = queries.evaluationPeriods(code);
        if (from == null && to == null) {
            return periods.containing(queries.today());
        }
        ReportPeriod asked = period(code, from, to);
        if (periods.publishes(asked)) {
            return asked;
        }
        ReportPeriod around = periods.containing(asked.from());
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-not-published", "Period not published",
                "Evaluators see the figures per contract period, or per calendar year outside contracts, so that two "
                        + "answers cannot be subtracted from each other. The period that contains " + asked.from() + " is "
                        + around.from() + " to " + around.to() + ".",
                Map.of("publishedFrom", around.from().toString(), "publishedTo", around.to().toString()));
    }

    /**
     * For an evaluator who asked for a period that is not one of the fixed ones, the fixed period
     * that contains its first day (the dashboard shows that one instead); else nothing.
     */
    public Optional<ReportPeriod> fixedPeriodInstead(Authentication viewer, String code, LocalDate from, LocalDate to) {
        if (!access.numbersFor(viewer, code).suppress() || (from == null && to == null)) {
            return Optional.empty();
        }
        ReportPeriod asked = period(code, from, to);
        EvaluationPeriods periods = queries.evaluationPeriods(code);
        return periods.publishes(asked) ? Optional.empty() : Optional.of(periods.containing(asked.from()));
    }

    /** The fixed evaluation periods of a municipality's contracts (for links on the dashboard). */
    public List<ReportPeriod> contractPeriods(String code) {
        return queries.evaluationPeriods(code).contractPeriods();
    }

    /** The municipality a code that ceased became part of: its figures are reported there. */
    public Optional<String> mergedInto(String code) {
        return municipalities.successorOf(code).map(Municipality::code);
    }

    /** A code that became part of another has no report of its own (it would be empty): say where its figures are. */
    private void requireNotMerged(String code) {
        mergedInto(code).ifPresent(successor -> {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "municipality-merged", "Municipality merged",
                    municipalities.whyNotCurrent(code).orElseThrow() + " Its figures are reported under " + successor + ".",
                    Map.of("successor", successor));
        });
    }

    /** Every municipality over one period, exact: for coordinators only. */
    public List<MunicipalityReport> comparison(Authentication viewer, LocalDate from, LocalDate to) {
        if (!access.isCoordinator(viewer)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden-comparison", "Forbidden",
                    "Only a coordinator may compare municipalities.");
        }
        ReportPeriod period = from == null && to == null ? ReportPeriod.calendarYear(queries.today().getYear())
                : period(null, from, to);
        return queries.comparison(period).stream().map(MunicipalityReport::exact).toList();
    }

    /** Periods of simulated demo contracts a viewer of this municipality can jump to. */
    public List<ReportPeriod> simulatedPeriods(String code) {
        return queries.simulatedPeriods(code);
    }

    public List<String> municipalities() {
        return queries.municipalities();
    }

    static final int MAX_PERIOD_YEARS = 20;

    ReportPeriod period(String code, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return queries.defaultPeriod(code);
        }
        try {
            ReportPeriod period = new ReportPeriod(from, to);
            if (period.to().isAfter(period.from().plusYears(MAX_PERIOD_YEARS))) {
                // figures are broken down per month: an unbounded period would be an unbounded answer
                throw new IllegalArgumentException("A period spans at most " + MAX_PERIOD_YEARS + " years.");
            }
            return period;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period", e.getMessage());
        }
    }
}
