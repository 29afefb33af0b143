package nl.startpakket.reporting.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation report of one municipality over a period of business dates. {@code from} and
 * {@code to} come together (both inclusive), or neither for the default period: the contract
 * period of the contract in force today, else this calendar year.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class MunicipalityReportController {

    private final Evaluations evaluations;

    public MunicipalityReportController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** DESIGN.md's v1 report. */
    @GetMapping("/municipalities/{code}")
    public MunicipalityReport report(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     Authentication viewer) {
        return evaluations.report(viewer, code, from, to);
    }

    /** The report plus months, outcomes, distributions and contract use (what the dashboard shows). */
    @GetMapping("/municipalities/{code}/evaluation")
    public EvaluationView evaluation(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     Authentication viewer) {
        return evaluations.view(viewer, code, from, to);
    }

    /** COORDINATOR: every municipality over one period (default this calendar year), exact. */
    @GetMapping("/municipalities")
    public List<MunicipalityReport> comparison(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication viewer) {
        return evaluations.comparison(viewer, from, to);
    }
}
