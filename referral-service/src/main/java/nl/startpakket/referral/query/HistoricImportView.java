package nl.startpakket.referral.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import of history as the coordinators' list shows it: which file (its hash and name), who,
 * when, how many rows, and once complete how many became referrals and how many an earlier file
 * had brought already. Nothing of the rows' content.
 */
@Document("historic_imports")
public record HistoricImportView(
        @Id String importId,
        String fileSha256,
        String fileName,
        int rows,
        String importedBy,
        Instant startedAt,
        Instant completedAt,
        Integer imported,
        Integer alreadyPresent) {

    public boolean completed() {
        return completedAt != null;
    }
}
