package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder finished packing the job. */
public record MarkPackedCommand(@TargetAggregateIdentifier String jobId, Actor actor) {
}
