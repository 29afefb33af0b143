package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** Funding and delivery details are both known: the job waits in the queue with a deadline. */
@Revision("1")
public record PackingJobQueuedEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        DeliveryMethod deliveryMethod,
        LocalDate deadline,
        Instant occurredAt) {
}
