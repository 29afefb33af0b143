package nl.startpakket.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account may no longer sign in; tokens it holds stop being renewed. */
public record DisableStaffAccountCommand(@TargetAggregateIdentifier String username, String actor) {
}
