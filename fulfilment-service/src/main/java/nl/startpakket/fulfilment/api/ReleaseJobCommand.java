package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder (or a coordinator) gives a claimed job back to the queue. */
public record ReleaseJobCommand(@TargetAggregateIdentifier String jobId, Actor actor) {
}
