package nl.startpakket.billing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The referral was cancelled: give up its reservation or its place in the hold queue, unless delivered. */
public record ReleaseFundingCommand(
        @TargetAggregateIdentifier String contractId,
        String referralId,
        String reason) {
}
