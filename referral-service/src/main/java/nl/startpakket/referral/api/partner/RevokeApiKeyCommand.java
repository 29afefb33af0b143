package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a key of the partner; an already revoked key stays as it is. */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier String partnerId, String keyId, String coordinator) {
}
