package nl.startpakket.referral.api.history;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A coordinator imports a file whose every row passed the rules. The import's id is {@code I-} and
 * the file's SHA-256, so the same file twice is one import. Answers what the import is to do next.
 *
 * @param rows     the file's data rows (all accepted: a file with refused rows is not imported)
 * @param fileName as uploaded, for the list of imports (never a row's content)
 */
public record StartHistoricImportCommand(@TargetAggregateIdentifier String importId, String fileSha256, String fileName,
                                         int rows, String importedBy) {
}
