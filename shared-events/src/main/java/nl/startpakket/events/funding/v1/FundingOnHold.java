package nl.startpakket.events.funding.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * The referral waits for funding: {@code reason} is {@code CAP_REACHED}, {@code BUDGET_EXHAUSTED},
 * {@code NO_CONTRACT} or {@code CONTRACT_ENDED}. {@code contractId} is null without a contract.
 */
public record FundingOnHold(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String contractId,
        String municipality,
        Phase phase,
        LocalDate heldOn,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
