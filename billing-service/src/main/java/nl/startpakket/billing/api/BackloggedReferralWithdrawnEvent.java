package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** A referral waiting in the backlog was cancelled and left it. */
@Revision("1")
public record BackloggedReferralWithdrawnEvent(
        String routeId,
        String municipality,
        String referralId,
        Phase phase,
        String reason,
        LocalDate releasedOn,
        Instant occurredAt) {
}
