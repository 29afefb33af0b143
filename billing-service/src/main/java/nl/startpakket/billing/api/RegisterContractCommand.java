package nl.startpakket.billing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a municipal contract; registering the same terms again changes nothing;
 * the same terms with other invoicing details change only those. */
public record RegisterContractCommand(
        @TargetAggregateIdentifier String contractId,
        ContractTerms terms,
        InvoicingDetails invoicing,
        String registeredBy) {
}
