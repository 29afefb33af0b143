package nl.startpakket.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnableStaffAccountCommand(@TargetAggregateIdentifier String username, String actor) {
}
