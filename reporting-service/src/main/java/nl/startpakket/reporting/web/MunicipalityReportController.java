package nl.startpakket.reporting.web;

import java.time.LocalDate;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.reporting.query.ReportPeriod;
import nl.startpakket.reporting.query.ReportQueries;
import nl.startpakket.reporting.query.SmallNumbers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evaluation report of one municipality over a period of business dates. */
@RestController
@RequestMapping("/api/v1/reports")
public class MunicipalityReportController {

    private final ReportQueries queries;
    private final ReportAccess access;

    public MunicipalityReportController(ReportQueries queries, ReportAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /**
     * @param from first business date (inclusive); with {@code to}, or neither for the default
     *             period: the contract period of the contract in force today, else this calendar year
     */
    @GetMapping("/municipalities/{code}")
    public MunicipalityReport report(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     Authentication viewer) {
        SmallNumbers numbers = access.numbersFor(viewer, code);
        ReportPeriod period = period(code, from, to);
        return MunicipalityReport.of(queries.figures(code, period), numbers);
    }

    ReportPeriod period(String code, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return queries.defaultPeriod(code);
        }
        try {
            return new ReportPeriod(from, to);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period", e.getMessage());
        }
    }
}
