package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Release the claim if it was made before {@code claimedBefore} and nothing happened since. */
public record ReleaseStaleClaimCommand(@TargetAggregateIdentifier String jobId, Instant claimedBefore) {
}
