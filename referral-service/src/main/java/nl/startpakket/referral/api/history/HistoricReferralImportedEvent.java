package nl.startpakket.referral.api.history;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * A referral of the years before Startpakket, with its business dates ({@code occurredAt} is when
 * it was imported). No partner, no personal data, no household key: it takes no part in the
 * duplicate check, notifications or the follow-up desk.
 */
@Revision("1")
public record HistoricReferralImportedEvent(
        String referralId,
        String municipality,
        Phase phase,
        IntermediaryType intermediaryType,
        LocalDate referredOn,
        LocalDate deliveredOn,
        boolean invoicedBeforeStartpakket,
        String importId,
        Instant occurredAt) {
}
