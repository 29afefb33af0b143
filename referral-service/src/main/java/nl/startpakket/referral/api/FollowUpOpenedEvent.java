package nl.startpakket.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The package was delivered and the parent agreed to be contacted: a task for the municipality's social team. */
@Revision("1")
public record FollowUpOpenedEvent(
        String referralId,
        String municipality,
        Phase phase,
        LocalDate deliveredOn,
        Instant occurredAt) {
}
