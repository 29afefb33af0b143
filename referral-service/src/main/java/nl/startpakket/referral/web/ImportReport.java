package nl.startpakket.referral.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import nl.startpakket.referral.history.HistoricImports;
import nl.startpakket.referral.history.HistoryCheck;

/**
 * The answer to a dry run or an import of history: the file's identity, how many rows, which were
 * refused (row number as the spreadsheet shows it, and why), which columns were not read, and for
 * an import how many rows became referrals and how many an earlier file had brought already.
 *
 * @param alreadyImported this very file (same SHA-256) was imported before: nothing was emitted
 * @param rowLimit        the most rows one import takes (a file with more is refused whole: split it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        boolean dryRun,
        String importId,
        String fileName,
        String fileSha256,
        int rows,
        int accepted,
        List<HistoryCheck.Refusal> refused,
        List<String> ignoredColumns,
        Map<String, Integer> municipalities,
        Map<Integer, Integer> years,
        boolean alreadyImported,
        Integer imported,
        Integer alreadyPresent,
        int rowLimit) {

    static ImportReport dryRun(HistoryCheck check, boolean alreadyImported, int rowLimit) {
        return new ImportReport(true, check.importId(), check.fileName(), check.fileSha256(), check.rows(), check.accepted().size(),
                check.refused(), check.ignoredColumns(), check.municipalities(), check.years(), alreadyImported, null, null, rowLimit);
    }

    static ImportReport of(HistoricImports.ImportOutcome outcome, int rowLimit) {
        HistoryCheck check = outcome.check();
        boolean again = outcome.start() == nl.startpakket.referral.api.history.HistoricImportStart.ALREADY_IMPORTED;
        return new ImportReport(false, check.importId(), check.fileName(), check.fileSha256(), check.rows(), check.accepted().size(),
                check.refused(), check.ignoredColumns(), check.municipalities(), check.years(), again,
                outcome.imported(), outcome.alreadyPresent(), rowLimit);
    }
}
