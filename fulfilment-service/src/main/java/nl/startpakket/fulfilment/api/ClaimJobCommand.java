package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A volunteer takes a queued job to pack it. Only one volunteer holds a job at a time. */
public record ClaimJobCommand(@TargetAggregateIdentifier String jobId, Actor actor) {
}
