package nl.startpakket.events.fulfilment.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/** The package is packed and ready to hand over. */
public record PackagePacked(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String jobId,
        String municipality,
        Phase phase,
        LocalDate packedOn) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
