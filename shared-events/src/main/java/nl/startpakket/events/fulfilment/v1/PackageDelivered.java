package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** The family has the package. This is what the municipality pays for. */
public record PackageDelivered(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId,
        String municipality,
        Phase phase,
        LocalDate deliveredOn) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
