package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a webhook's address, statuses and whether it is active; the signing secret stays. */
public record ChangeWebhookCommand(@TargetAggregateIdentifier String partnerId, String webhookId, WebhookSettings settings,
                                   String coordinator) {
}
