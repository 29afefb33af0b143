package nl.startpakket.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** New display name, roles or municipality; nothing happens when they are the same. */
public record ChangeStaffAccountCommand(
        @TargetAggregateIdentifier String username,
        StaffAccountTerms terms,
        String actor) {
}
