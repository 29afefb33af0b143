package nl.startpakket.billing.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * New cap, budget or end date agreed with the municipality; a null field stays as it is. Who
 * agreed it and why is part of the contract's history.
 */
public record AmendContractCommand(
        @TargetAggregateIdentifier String contractId,
        Integer maxPackages,
        Money budget,
        LocalDate validTo,
        String amendedBy,
        String reason) {
}
