package nl.startpakket.fulfilment.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import nl.startpakket.fulfilment.api.FindNoticesQuery;
import nl.startpakket.fulfilment.api.JobReleasedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.ReleaseReason;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Tells the volunteer who held a job when it was cancelled or their claim was released. One
 * notice per stored event (its id is the notice id), so a replay adds nothing twice.
 */
@Component
@ProcessingGroup("volunteer-notices")
public class VolunteerNoticeProjection {

    private final MongoTemplate mongo;

    public VolunteerNoticeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PackingJobCancelledEvent event, @MessageIdentifier String id) {
        if (event.heldBy() != null) {
            insert(id, event.heldBy(), event.jobId(), NoticeView.Kind.JOB_CANCELLED, event.reason(), event.restocked(), event.occurredAt());
        }
    }

    @EventHandler
    void on(JobReleasedEvent event, @MessageIdentifier String id) {
        if (event.reason() == ReleaseReason.STALE) {
            insert(id, event.volunteer(), event.jobId(), NoticeView.Kind.CLAIM_RELEASED_STALE, null, false, event.occurredAt());
        } else if (event.reason() == ReleaseReason.BY_COORDINATOR) {
            insert(id, event.volunteer(), event.jobId(), NoticeView.Kind.CLAIM_RELEASED_BY_COORDINATOR, event.releasedBy(), false, event.occurredAt());
        }
    }

    @QueryHandler
    public List<NoticeView> handle(FindNoticesQuery query) {
        return mongo.find(query(where("volunteer").is(query.volunteer()).and("dismissed").is(false))
                .with(Sort.by(Sort.Direction.DESC, "at")), NoticeView.class);
    }

    /** The volunteer read it. Returns whether it was theirs. */
    public boolean dismiss(String noticeId, String volunteer) {
        return mongo.updateFirst(query(where("_id").is(noticeId).and("volunteer").is(volunteer)),
                new Update().set("dismissed", true), NoticeView.class).getMatchedCount() > 0;
    }

    private void insert(String id, String volunteer, String jobId, NoticeView.Kind kind, String reason, boolean restocked,
                        Instant at) {
        mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("volunteer", volunteer)
                .setOnInsert("jobId", jobId)
                .setOnInsert("kind", kind)
                .setOnInsert("reason", reason)
                .setOnInsert("restocked", restocked)
                .setOnInsert("at", at)
                .setOnInsert("dismissed", false), NoticeView.class);
    }
}
