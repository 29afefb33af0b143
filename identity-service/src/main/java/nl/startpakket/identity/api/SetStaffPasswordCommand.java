package nl.startpakket.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new password (its hash), set by a coordinator or by the account itself. */
public record SetStaffPasswordCommand(@TargetAggregateIdentifier String username, String passwordHash, String actor) {
}
