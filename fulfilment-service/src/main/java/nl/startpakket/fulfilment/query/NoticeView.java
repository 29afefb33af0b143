package nl.startpakket.fulfilment.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a volunteer must know about a job they held: it was cancelled (and, if packed, its
 * package goes back to stock), or their claim was released. Shown until dismissed.
 */
@Document(NoticeView.COLLECTION)
public record NoticeView(
        @Id String noticeId,
        String volunteer,
        String jobId,
        Kind kind,
        String reason,
        boolean restocked,
        Instant at,
        boolean dismissed) {

    public static final String COLLECTION = "volunteer_notices";

    /** What happened to the job. */
    public enum Kind {
        JOB_CANCELLED,
        CLAIM_RELEASED_STALE,
        CLAIM_RELEASED_BY_COORDINATOR
    }
}
