package nl.startpakket.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.municipalities.Municipality;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.web.ApiProblem;
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

    public MunicipalityReport report(Authentication viewer, String code, LocalDate from, LocalDate to) {
        SmallNumbers numbers = access.numbersFor(viewer, code);
        requireNotMerged(code);
        return MunicipalityReport.of(queries.figures(code, period(code, from, to)), numbers);
    }

    public EvaluationView view(Authentication viewer, String code, LocalDate from, LocalDate to) {
        SmallNumbers numbers = access.numbersFor(viewer, code);
        requireNotMerged(code);
        return EvaluationView.of(queries.evaluation(code, period(code, from, to)), municipalities.nameOrCode(code), numbers);
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
        return queries.comparison(period).stream().map(f -> MunicipalityReport.of(f, SmallNumbers.exact())).toList();
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
