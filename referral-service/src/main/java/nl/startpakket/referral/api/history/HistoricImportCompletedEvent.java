package nl.startpakket.referral.api.history;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every row of the import is in the log: {@code imported} new referrals, {@code alreadyPresent} known from an earlier file. */
@Revision("1")
public record HistoricImportCompletedEvent(String importId, int imported, int alreadyPresent, Instant occurredAt) {
}
