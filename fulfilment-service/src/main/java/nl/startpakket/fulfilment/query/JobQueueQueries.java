package nl.startpakket.fulfilment.query;

import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.FindJobsQuery;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import nl.startpakket.fulfilment.api.Urgency;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers queue queries from the {@code job_queue} read model: overdue jobs first, then those at
 * risk, then the rest; within each by deadline (then job id, so the order is stable).
 */
@Component
public class JobQueueQueries {

    static final Set<JobStatus> OPEN = EnumSet.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED, JobStatus.EXCEPTION);

    private static final Comparator<JobSummary> MOST_URGENT_FIRST = Comparator
            .comparing((JobSummary j) -> j.urgency() == null ? Urgency.values().length : j.urgency().ordinal())
            .thenComparing(JobSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(JobSummary::jobId);

    private final MongoTemplate mongo;
    private final UrgencyRule urgency;

    public JobQueueQueries(MongoTemplate mongo, UrgencyRule urgency) {
        this.mongo = mongo;
        this.urgency = urgency;
    }

    @QueryHandler
    public List<JobSummary> handle(FindJobsQuery query) {
        return views(query).stream().map(this::summary).sorted(MOST_URGENT_FIRST).toList();
    }

    @QueryHandler
    public Optional<JobView> handle(FindJobQuery query) {
        return Optional.ofNullable(mongo.findById(query.jobId(), JobView.class)).filter(JobView::listed);
    }

    public JobSummary summary(JobView job) {
        return new JobSummary(job.jobId(), job.referralId(), job.phase(), job.municipality(), job.deliveryMethod(),
                job.deadline(), job.status(), job.claimedBy(), urgency.of(job.status(), job.deadline()));
    }

    /** The listed jobs matching the query, by deadline. */
    public List<JobView> views(FindJobsQuery query) {
        Set<JobStatus> statuses = query.statuses().isEmpty() ? OPEN : query.statuses();
        Criteria criteria = where("listed").is(true).and("status").in(statuses);
        if (query.phase() != null) {
            criteria = criteria.and("phase").is(query.phase());
        }
        if (query.municipality() != null && !query.municipality().isBlank()) {
            criteria = criteria.and("municipality").is(query.municipality().trim());
        }
        if (query.deliveryMethod() != null) {
            criteria = criteria.and("deliveryMethod").is(query.deliveryMethod());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("deadline", "_id")), JobView.class);
    }

    /** The municipalities that have listed jobs, for the queue's filter. */
    public List<String> municipalities() {
        return mongo.findDistinct(Query.query(where("listed").is(true)), "municipality", JobView.class, String.class)
                .stream().filter(java.util.Objects::nonNull).sorted().toList();
    }

    public long count(JobStatus status) {
        return mongo.count(Query.query(where("listed").is(true).and("status").is(status)), JobView.class);
    }

    /** Jobs not yet handed over (queued, claimed, packed) whose deadline lies before {@code today}. */
    public long countOverdue(LocalDate today) {
        return mongo.count(Query.query(where("listed").is(true)
                .and("status").in(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED)
                .and("deadline").lt(today)), JobView.class);
    }

    /** Claimed jobs whose claim is older than the cut-off. */
    public List<JobView> claimedBefore(java.time.Instant cutoff) {
        return mongo.find(Query.query(where("status").is(JobStatus.CLAIMED).and("claimedAt").lt(cutoff)), JobView.class);
    }
}
