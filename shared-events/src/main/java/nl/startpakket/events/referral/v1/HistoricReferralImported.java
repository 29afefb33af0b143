package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * A referral from the years before Startpakket, imported from a municipality's spreadsheet by a
 * coordinator: it counts in the evaluation at its business dates (marked as imported) and, when
 * delivered and not invoiced then, is billable like a delivery of that date. Carries no personal
 * data: the file's columns with names, addresses or contact details are never read.
 *
 * @param referralId                name-based: the same row of a re-exported file gets the same id
 * @param municipality              the current CBS code (a code that ceased is imported under its successor)
 * @param referredOn                the business date of the referral
 * @param deliveredOn               the business date of the delivery, null when no package was delivered
 * @param invoicedBeforeStartpakket the foundation invoiced this package before Startpakket: never billed again
 * @param importId                  the import the row came with ({@code I-} and the file's SHA-256)
 */
public record HistoricReferralImported(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        IntermediaryType intermediaryType,
        LocalDate referredOn,
        LocalDate deliveredOn,
        boolean invoicedBeforeStartpakket,
        String importId) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
