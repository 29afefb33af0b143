package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives one of the partner's users a new password (bcrypt hash). */
public record ResetWebUserPasswordCommand(@TargetAggregateIdentifier String partnerId, String username, String passwordHash,
                                          String coordinator) {
}
