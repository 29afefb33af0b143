package nl.startpakket.referral.api.history;

import java.io.Serializable;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;

/**
 * One row of a municipality's history as read from its file: what the evaluation and billing need
 * and nothing about the family.
 *
 * @param municipality              the current CBS code (a code that ceased is read as its successor)
 * @param referredOn                the business date of the referral
 * @param deliveredOn               the business date of the delivery, null when none was delivered
 * @param invoicedBeforeStartpakket the foundation invoiced the package before Startpakket
 */
public record HistoricRow(
        String municipality,
        Phase phase,
        IntermediaryType intermediaryType,
        LocalDate referredOn,
        LocalDate deliveredOn,
        boolean invoicedBeforeStartpakket) implements Serializable {
}
