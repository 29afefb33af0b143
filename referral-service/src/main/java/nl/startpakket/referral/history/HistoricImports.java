package nl.startpakket.referral.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.referral.api.history.CompleteHistoricImportCommand;
import nl.startpakket.referral.api.history.HistoricImportStart;
import nl.startpakket.referral.api.history.ImportHistoricReferralCommand;
import nl.startpakket.referral.api.history.StartHistoricImportCommand;
import nl.startpakket.referral.query.HistoricImportView;
import org.axonframework.common.AxonTransientException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A coordinator's import of a municipality's history, for the API and the page alike: the dry run
 * ({@link #check}) reads every row against the rules and imports nothing; the import refuses a
 * file with any refused row (nothing of it lands), finds a file imported before by its hash (and
 * emits nothing), and otherwise brings every row in as a referral of its own (a row an earlier
 * file brought is left as it is), on a few threads, then marks the import complete. Audited. After
 * an import cut short and resumed, the rows it stored before count as already present.
 */
@Service
public class HistoricImports {

    private static final Logger log = LoggerFactory.getLogger(HistoricImports.class);
    /** Tries per row when the event store refuses transiently (a machine too busy to store in time). */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final MunicipalityRegister register;
    private final AuditTrail audit;
    private final Clock clock;
    private final int threads;
    private final int maxRows;

    public HistoricImports(CommandGateway commands, MongoTemplate mongo, MunicipalityRegister register, AuditTrail audit, Clock clock,
                           @Value("${startpakket.referral.history.import-threads:4}") int threads,
                           @Value("${startpakket.referral.history.max-rows-per-import:10000}") int maxRows) {
        this.commands = commands;
        this.mongo = mongo;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
        this.threads = Math.max(1, threads);
        this.maxRows = Math.max(1, maxRows);
    }

    /** What an import did. {@code start} ALREADY_IMPORTED: nothing was emitted. */
    public record ImportOutcome(HistoryCheck check, HistoricImportStart start, int imported, int alreadyPresent) {
    }

    /** The most rows one import takes; the dry run names it, a larger file is refused whole. */
    public int maxRows() {
        return maxRows;
    }

    /** Whether the rows of this check are more than one import takes. */
    public boolean tooManyRows(HistoryCheck check) {
        return check.accepted().size() > maxRows;
    }

    /** The dry run: nothing is stored. */
    public HistoryCheck check(String fileName, byte[] content) {
        return HistoryCheck.of(fileName, content, register, LocalDate.now(clock));
    }

    /** Whether the file of this check was imported completely before. */
    public boolean imported(HistoryCheck check) {
        return find(check.importId()).map(HistoricImportView::completed).orElse(false);
    }

    public ImportOutcome importFile(String coordinator, String fileName, byte[] content) {
        return importChecked(coordinator, check(fileName, content));
    }

    /** Imports what a dry run read (the page keeps the check between the dry run and the confirmation, never the file). */
    public ImportOutcome importChecked(String coordinator, HistoryCheck check) {
        String fileName = check.fileName();
        if (!check.refused().isEmpty()) {
            throw new HistoryRefusedException(check, check.refused().size() + " of the " + check.rows()
                    + " rows are refused: correct or remove them, then import the file; nothing of it was imported.");
        }
        if (check.accepted().isEmpty()) {
            throw new HistoryRefusedException(check, "The file has no rows to import.");
        }
        if (tooManyRows(check)) {
            // one import holds a request thread for its duration (10,000 rows: about two minutes on two cores); parts
            // import one after the other, and a row a part brought before is never imported twice
            throw new HistoryRefusedException(check, "The file has " + check.accepted().size() + " rows; at most " + maxRows
                    + " are imported at once: split it into files of at most " + maxRows + " rows and import them one by one.");
        }
        HistoricImportStart start = send(check.importId(), new StartHistoricImportCommand(check.importId(), check.fileSha256(),
                fileName, check.rows(), coordinator));
        if (start == HistoricImportStart.ALREADY_IMPORTED) {
            return new ImportOutcome(check, start, 0, 0);
        }
        long began = System.nanoTime();
        int imported = importRows(check);
        int alreadyPresent = check.accepted().size() - imported;
        send(check.importId(), new CompleteHistoricImportCommand(check.importId(), imported, alreadyPresent));
        log.info("Imported history {} ({}): {} rows, {} new referrals, {} known from an earlier file, in {} ms", check.importId(),
                fileName, check.rows(), imported, alreadyPresent, (System.nanoTime() - began) / 1_000_000);
        audit.record(coordinator, "import-history", check.importId(), Map.of("file", String.valueOf(fileName),
                "rows", String.valueOf(check.rows()), "imported", String.valueOf(imported),
                "alreadyPresent", String.valueOf(alreadyPresent), "start", start.name()));
        return new ImportOutcome(check, start, imported, alreadyPresent);
    }

    /** Sends each row's command (distinct referrals: no two threads meet in one aggregate); the rows this import brought. */
    private int importRows(HistoryCheck check) {
        List<List<HistoryCheck.AcceptedRow>> slices = new ArrayList<>();
        int size = (check.accepted().size() + threads - 1) / threads;
        for (int i = 0; i < check.accepted().size(); i += size) {
            slices.add(check.accepted().subList(i, Math.min(i + size, check.accepted().size())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(slices.size());
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (List<HistoryCheck.AcceptedRow> slice : slices) {
                parts.add(pool.submit(() -> {
                    int mine = 0;
                    for (HistoryCheck.AcceptedRow row : slice) {
                        mine += importRow(check, row) ? 1 : 0;
                    }
                    return mine;
                }));
            }
            int imported = 0;
            for (Future<Integer> part : parts) {
                imported += part.get();
            }
            return imported;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoricImportInterruptedException(check.importId(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HistoricImportInterruptedException interrupted ? interrupted
                    : new HistoricImportInterruptedException(check.importId(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the row became a referral now; false when its referral is in the log already (an earlier file's row). */
    private boolean importRow(HistoryCheck check, HistoryCheck.AcceptedRow row) {
        try {
            send(check.importId(), new ImportHistoricReferralCommand(row.referralId(), row.content(), check.importId()));
            return true;
        } catch (HistoricImportInterruptedException e) {
            if (causedBy(e, AggregateStreamCreationException.class) || causedBy(e, ConcurrencyException.class)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sends a command of the import and waits. A transient refusal (the event store's late-append
     * guard on a machine too busy to store in time) is retried with fresh events (nothing was
     * stored); any other failure interrupts the import, which the same file again resumes.
     */
    private <R> R send(String importId, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!causedBy(e, AxonTransientException.class) || attempt == ATTEMPTS) {
                    throw new HistoricImportInterruptedException(importId, e);
                }
                log.warn("{} of {}: {}; trying again ({} of {})", command.getClass().getSimpleName(), importId, e.getMessage(),
                        attempt + 1, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Every import, the latest first. */
    public List<HistoricImportView> list() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")), HistoricImportView.class);
    }

    public Optional<HistoricImportView> find(String importId) {
        return Optional.ofNullable(mongo.findById(importId, HistoricImportView.class));
    }
}
