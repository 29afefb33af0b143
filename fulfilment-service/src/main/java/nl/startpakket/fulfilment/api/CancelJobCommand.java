package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The referral was cancelled or its funding released: the job leaves the queue. */
public record CancelJobCommand(
        @TargetAggregateIdentifier String jobId,
        String referralId,
        CancellationCause cause,
        String reason) {
}
