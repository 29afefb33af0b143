package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The exception is solved: the job goes back where it can be worked on again. */
public record ResumeJobCommand(@TargetAggregateIdentifier String jobId, Actor actor, String note) {
}
