package nl.startpakket.fulfilment.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.ExceptionKind;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.events.SealedData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A job as the queue shows it, one document per job, upserted by the {@code job-queue}
 * processor (so a replay gives the same documents). {@code listed} once the job was queued;
 * jobs still waiting for funding or delivery details are not shown. Holds the delivery address
 * (personal data) only sealed with the referral's data key; the web layer opens it through the
 * vault only for the holder and coordinators, and it reads "[erased]" once the key is gone.
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
        SealedData personalData,
        String templateId,
        List<ItemQuantity> itemsUsed,
        String packedBy,
        LocalDate packedOn,
        String carrierReference,
        LocalDate handedOverOn,
        LocalDate deliveredOn,
        ExceptionKind exceptionKind,
        String exceptionReason,
        String exceptionReportedBy,
        String cancellationReason,
        Instant updatedAt) {

    public static final String COLLECTION = "job_queue";

    /** Whether this person may see the delivery address: the volunteer holding the job, or a coordinator. */
    public boolean addressVisibleTo(String username, boolean coordinator) {
        return coordinator || username != null && username.equals(claimedBy);
    }
}
