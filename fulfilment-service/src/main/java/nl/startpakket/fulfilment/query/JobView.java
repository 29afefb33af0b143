package nl.startpakket.fulfilment.query;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import nl.startpakket.fulfilment.api.Recipient;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A job as the queue shows it, one document per job, upserted by the {@code job-queue}
 * processor (so a replay gives the same documents). {@code listed} once the job was queued;
 * jobs still waiting for funding or delivery details are not shown.
 */
@Document(JobView.COLLECTION)
public record JobView(
        @Id String jobId,
        String referralId,
        Phase phase,
        String municipality,
        DeliveryMethod deliveryMethod,
        LocalDate deadline,
        JobStatus status,
        boolean listed,
        String claimedBy,
        Instant claimedAt,
        LocalDate expectedDueDate,
        LocalDate childBirthDate,
        Recipient recipient,
        String notes,
        String carrierReference,
        Instant updatedAt) {

    public static final String COLLECTION = "job_queue";

    public JobSummary summary() {
        return new JobSummary(jobId, referralId, phase, municipality, deliveryMethod, deadline, status, claimedBy);
    }
}
