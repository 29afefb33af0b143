package nl.startpakket.fulfilment.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.FindJobsQuery;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers queue queries from the {@code job_queue} read model. */
@Component
public class JobQueueQueries {

    static final Set<JobStatus> OPEN = EnumSet.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED, JobStatus.EXCEPTION);

    private final MongoTemplate mongo;

    public JobQueueQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public List<JobSummary> handle(FindJobsQuery query) {
        return views(query).stream().map(JobView::summary).toList();
    }

    @QueryHandler
    public Optional<JobView> handle(FindJobQuery query) {
        return Optional.ofNullable(mongo.findById(query.jobId(), JobView.class)).filter(JobView::listed);
    }

    /** The listed jobs matching the query, by deadline (then job id, so the order is stable). */
    public List<JobView> views(FindJobsQuery query) {
        Set<JobStatus> statuses = query.statuses().isEmpty() ? OPEN : query.statuses();
        Criteria criteria = where("listed").is(true).and("status").in(statuses);
        if (query.phase() != null) {
            criteria = criteria.and("phase").is(query.phase());
        }
        if (query.municipality() != null && !query.municipality().isBlank()) {
            criteria = criteria.and("municipality").is(query.municipality());
        }
        if (query.deliveryMethod() != null) {
            criteria = criteria.and("deliveryMethod").is(query.deliveryMethod());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("deadline", "_id")), JobView.class);
    }

    public long count(JobStatus status) {
        return mongo.count(Query.query(where("listed").is(true).and("status").is(status)), JobView.class);
    }
}
