package nl.startpakket.billing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a municipal contract; registering the same terms again changes nothing. */
public record RegisterContractCommand(
        @TargetAggregateIdentifier String contractId,
        ContractTerms terms,
        String registeredBy) {
}
