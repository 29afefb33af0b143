package nl.startpakket.referral.api.partner;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings a partner kept before partners were event-sourced into the event log once, as it was:
 * its terms, its keys (hashes, with when they were issued and revoked) and its users (password
 * hashes). Answers false, changing nothing, when the partner is already in the log.
 */
public record ImportPartnerCommand(@TargetAggregateIdentifier String partnerId, PartnerTerms terms, List<Key> keys,
                                   List<User> users, String coordinator) {

    public ImportPartnerCommand {
        keys = List.copyOf(keys);
        users = List.copyOf(users);
    }

    /** A key as it was kept: id, SHA-256 hash, issued and (when revoked) revoked. */
    public record Key(String keyId, String keyHash, Instant issuedAt, Instant revokedAt) {
    }

    /** A web form user as it was kept. */
    public record User(String username, String passwordHash) {
    }
}
