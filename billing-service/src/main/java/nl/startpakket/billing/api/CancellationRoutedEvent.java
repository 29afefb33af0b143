package nl.startpakket.billing.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The cancellation of a routed referral goes to the contract that funds it. */
@Revision("1")
public record CancellationRoutedEvent(
        String routeId,
        String municipality,
        String referralId,
        String contractId,
        String reason,
        Instant occurredAt) {
}
