package nl.startpakket.referral.api.history;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A coordinator began importing a file of history. */
@Revision("1")
public record HistoricImportStartedEvent(String importId, String fileSha256, String fileName, int rows, String importedBy,
                                         Instant occurredAt) {
}
