package nl.startpakket.fulfilment.api;

import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;

/** A line of the packing queue (no personal data). {@code urgency} only for jobs that have not left yet. */
public record JobSummary(
        String jobId,
        String referralId,
        Phase phase,
        String municipality,
        DeliveryMethod deliveryMethod,
        LocalDate deadline,
        JobStatus status,
        String claimedBy,
        Urgency urgency) {
}
