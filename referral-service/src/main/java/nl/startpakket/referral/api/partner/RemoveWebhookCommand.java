package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a webhook: nothing more is scheduled for it, what was scheduled fails as removed. */
public record RemoveWebhookCommand(@TargetAggregateIdentifier String partnerId, String webhookId, String coordinator) {
}
