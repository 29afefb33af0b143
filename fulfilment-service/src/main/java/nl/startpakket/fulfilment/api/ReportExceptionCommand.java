package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Something stands in the way of delivery; the job waits in EXCEPTION until someone resumes it. */
public record ReportExceptionCommand(@TargetAggregateIdentifier String jobId, Actor actor, ExceptionKind kind, String reason) {
}
