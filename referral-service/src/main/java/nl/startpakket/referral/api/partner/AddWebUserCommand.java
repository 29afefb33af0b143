package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a web form user with a bcrypt password hash; a user name belongs to one partner at most. */
public record AddWebUserCommand(@TargetAggregateIdentifier String partnerId, String username, String passwordHash,
                                String coordinator) {
}
