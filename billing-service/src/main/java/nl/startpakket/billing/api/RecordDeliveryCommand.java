package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The package of a funded referral was delivered: it becomes one billable line, once. */
public record RecordDeliveryCommand(
        @TargetAggregateIdentifier String contractId,
        String referralId,
        Phase phase,
        LocalDate deliveredOn) {
}
