package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the contract to fund an accepted referral; the same referral twice changes nothing. */
public record ReserveFundingCommand(
        @TargetAggregateIdentifier String contractId,
        String referralId,
        Phase phase,
        LocalDate referralDate) {
}
