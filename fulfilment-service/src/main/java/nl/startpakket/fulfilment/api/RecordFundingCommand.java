package nl.startpakket.fulfilment.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Billing reserved a slot for the referral: the package may be packed. */
public record RecordFundingCommand(
        @TargetAggregateIdentifier String jobId,
        String referralId,
        String contractId,
        String municipality,
        Phase phase,
        LocalDate reservedOn) {
}
