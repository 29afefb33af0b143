package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes one of the partner's users; its name is free again afterwards. */
public record RemoveWebUserCommand(@TargetAggregateIdentifier String partnerId, String username, String coordinator) {
}
