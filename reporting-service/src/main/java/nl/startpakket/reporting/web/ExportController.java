package nl.startpakket.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation as files: CSV and XLSX with every figure, and the printable PDF report. Under
 * the API (HTTP Basic) and under the dashboard (its session), with the viewer's suppression.
 */
@RestController
public class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Evaluations evaluations;
    private final MessageSource messages;
    private final Clock clock;

    public ExportController(Evaluations evaluations, MessageSource messages, Clock clock) {
        this.evaluations = evaluations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({"/api/v1/reports/municipalities/{code}/export.csv", "/dashboard/municipalities/{code}/export.csv"})
    public ResponseEntity<byte[]> csv(@PathVariable String code,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      Authentication viewer, Locale locale) {
        EvaluationView view = evaluations.view(viewer, code, from, to);
        return file(CsvExport.write(view, new Labels(messages, locale)), CSV, name(view, "csv"));
    }

    @GetMapping({"/api/v1/reports/municipalities/{code}/export.xlsx", "/dashboard/municipalities/{code}/export.xlsx"})
    public ResponseEntity<byte[]> xlsx(@PathVariable String code,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       Authentication viewer, Locale locale) {
        EvaluationView view = evaluations.view(viewer, code, from, to);
        return file(XlsxExport.write(view, new Labels(messages, locale)), XLSX, name(view, "xlsx"));
    }

    @GetMapping({"/api/v1/reports/municipalities/{code}/report.pdf", "/dashboard/municipalities/{code}/report.pdf"})
    public ResponseEntity<byte[]> pdf(@PathVariable String code,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      Authentication viewer, Locale locale) {
        EvaluationView view = evaluations.view(viewer, code, from, to);
        return file(PdfReport.write(view, new Labels(messages, locale), LocalDate.now(clock)), MediaType.APPLICATION_PDF,
                name(view, "pdf"));
    }

    private static String name(EvaluationView view, String extension) {
        return "evaluatie-" + view.municipality() + "-" + view.from() + "-" + view.to() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
