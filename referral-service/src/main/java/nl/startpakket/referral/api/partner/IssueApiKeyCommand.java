package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a new key of the partner by its SHA-256 hash (64 hex digits); the key itself never
 * reaches the aggregate. Answers false, changing nothing, when the partner has a key with this id.
 */
public record IssueApiKeyCommand(@TargetAggregateIdentifier String partnerId, String keyId, String keyHash, String coordinator) {
}
