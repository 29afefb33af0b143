package nl.startpakket.referral.api.partner;

import nl.startpakket.events.SealedData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a webhook of the partner. The signing secret comes sealed (AES-256-GCM with the
 * service's webhook key): it is never in an event or a log in plain. {@code coordinator} is who
 * acted: a coordinator's account, or {@code api-key:<keyId>} when the partner's own system did.
 */
public record RegisterWebhookCommand(@TargetAggregateIdentifier String partnerId, String webhookId, WebhookSettings settings,
                                     SealedData signingSecret, String coordinator) {
}
