package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A delivery from before Startpakket, not invoiced then, within this contract's period: one
 * billable line at the contract price, within the cap and the budget (held beyond them), once.
 */
public record RecordHistoricDeliveryCommand(
        @TargetAggregateIdentifier String contractId,
        String referralId,
        Phase phase,
        LocalDate deliveredOn) {
}
