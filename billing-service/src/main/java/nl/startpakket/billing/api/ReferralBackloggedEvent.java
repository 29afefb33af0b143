package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/**
 * No contract of the municipality is valid on the referral date: the referral waits in the
 * municipality's backlog ({@code NO_CONTRACT}, or {@code CONTRACT_ENDED} with the contract that
 * ended before it) until a contract covering it is registered or extended.
 */
@Revision("1")
public record ReferralBackloggedEvent(
        String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate referralDate,
        HoldReason reason,
        String endedContractId,
        LocalDate heldOn,
        Instant occurredAt) {
}
