package nl.startpakket.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an account; the password arrives only as its hash. */
public record RegisterStaffAccountCommand(
        @TargetAggregateIdentifier String username,
        StaffAccountTerms terms,
        String passwordHash,
        String actor) {
}
