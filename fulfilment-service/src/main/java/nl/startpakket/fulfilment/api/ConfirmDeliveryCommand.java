package nl.startpakket.fulfilment.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The family has the package; {@code deliveredOn} null means today. */
public record ConfirmDeliveryCommand(@TargetAggregateIdentifier String jobId, Actor actor, LocalDate deliveredOn) {
}
