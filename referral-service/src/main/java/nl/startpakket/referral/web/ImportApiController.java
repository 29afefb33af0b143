package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.referral.api.history.HistoricImportStart;
import nl.startpakket.referral.config.OpenApiConfig;
import nl.startpakket.referral.history.HistoricImportInterruptedException;
import nl.startpakket.referral.history.HistoricImports;
import nl.startpakket.referral.history.HistoryCheck;
import nl.startpakket.referral.history.HistoryRefusedException;
import nl.startpakket.referral.history.UnreadableHistoryFileException;
import nl.startpakket.referral.query.HistoricImportView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing the years before Startpakket (COORDINATOR): a CSV or XLSX file of past referrals and
 * deliveries, as a multipart upload (part {@code file}) or as the body itself. {@code dryRun=true}
 * reads and checks every row and stores nothing; without it the file is imported, unless any row
 * is refused (422, nothing lands). The same file again answers "already imported" and emits nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "History from before Startpakket: dry run, import, the imports done (COORDINATOR).")
@SecurityRequirement(name = OpenApiConfig.STAFF)
public class ImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final HistoricImports imports;

    public ImportApiController(HistoricImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Dry run or import of a history file, uploaded as multipart (part `file`)",
            description = "dryRun=true: the report (rows, accepted, refused [{row, reason}], ignoredColumns, fileSha256, rowLimit), nothing "
                    + "stored. Otherwise 201 with the import, 200 with alreadyImported=true for a file imported before (nothing "
                    + "emitted), 422 when any row is refused or the file has more rows than rowLimit (nothing imported). Columns with personal data are never read.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportReport> upload(@RequestPart("file") MultipartFile file,
                                               @RequestParam(defaultValue = "false") boolean dryRun, Principal coordinator)
            throws IOException {
        return handle(file.getOriginalFilename(), file.getBytes(), dryRun, coordinator);
    }

    @Operation(summary = "Dry run or import of a history file sent as the body (text/csv or XLSX)",
            description = "As the multipart upload; the file's name in `fileName`.")
    @PostMapping(consumes = {"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<ImportReport> body(@RequestBody byte[] content, @RequestParam(defaultValue = "false") boolean dryRun,
                                             @Parameter(description = "the file's name, for the list of imports")
                                             @RequestParam(required = false) String fileName, Principal coordinator) {
        return handle(fileName, content, dryRun, coordinator);
    }

    private ResponseEntity<ImportReport> handle(String fileName, byte[] content, boolean dryRun, Principal coordinator) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (dryRun) {
            HistoryCheck check = imports.check(name, content);
            return ResponseEntity.ok(ImportReport.dryRun(check, imports.imported(check), imports.maxRows()));
        }
        HistoricImports.ImportOutcome outcome = imports.importFile(coordinator.getName(), name, content);
        ImportReport report = ImportReport.of(outcome, imports.maxRows());
        if (outcome.start() == HistoricImportStart.ALREADY_IMPORTED) {
            return ResponseEntity.ok(report);
        }
        return ResponseEntity.created(URI.create("/api/v1/imports/" + report.importId())).body(report);
    }

    @Operation(summary = "The imports done, the latest first: file hash and name, who, when, rows, and how many became referrals")
    @GetMapping
    public List<HistoricImportView> list() {
        return imports.list();
    }

    @Operation(summary = "One import")
    @GetMapping("/{importId}")
    public HistoricImportView one(@PathVariable String importId) {
        return imports.find(importId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "import-not-found", "Not found",
                "No import " + importId + "."));
    }

    @ExceptionHandler(HistoryRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(HistoryRefusedException refusal) {
        HistoryCheck check = refusal.check();
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "history-rows-refused", "Rows refused",
                refusal.getMessage(), Map.of("importId", check.importId(), "fileSha256", check.fileSha256(), "rows", check.rows(),
                "accepted", check.accepted().size(), "refused", check.refused()));
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    /** Not the client's doing: the rows stored stay, the same file again resumes the import. */
    @ExceptionHandler(HistoricImportInterruptedException.class)
    public ResponseEntity<ProblemDetail> interrupted(HistoricImportInterruptedException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "import-interrupted", "Import interrupted",
                e.getMessage(), Map.of("importId", e.importId()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem.getBody());
    }

    @ExceptionHandler(UnreadableHistoryFileException.class)
    public ResponseEntity<ProblemDetail> unreadable(UnreadableHistoryFileException e) {
        HttpStatus status = "history-file-unreadable".equals(e.type()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ApiProblem problem = new ApiProblem(status, e.type(), "History file not usable", e.getMessage());
        return ResponseEntity.status(status).body(problem.getBody());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Request body too large",
                "The file is larger than an import takes; split it by year.");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem.getBody());
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-upload", "Malformed upload",
                "The multipart body cannot be read: send the file as part \"file\".");
        return ResponseEntity.badRequest().body(problem.getBody());
    }
}
