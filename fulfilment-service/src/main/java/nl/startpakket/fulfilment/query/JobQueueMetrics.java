package nl.startpakket.fulfilment.query;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.startpakket.fulfilment.api.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Business metrics of the queue: jobs waiting for a volunteer, jobs claimed, jobs overdue (past
 * their deadline and not yet handed over), and packages delivered.
 */
@Component
public class JobQueueMetrics {

    public static final String JOBS_WAITING = "startpakket.fulfilment.jobs.waiting";
    public static final String JOBS_CLAIMED = "startpakket.fulfilment.jobs.claimed";
    public static final String JOBS_OVERDUE = "startpakket.fulfilment.jobs.overdue";
    public static final String DELIVERIES = "startpakket.fulfilment.deliveries";

    public JobQueueMetrics(MeterRegistry registry, JobQueueQueries queries, Clock clock) {
        Gauge.builder(JOBS_WAITING, queries, q -> q.count(JobStatus.QUEUED))
                .description("Packing jobs queued and not yet claimed")
                .register(registry);
        Gauge.builder(JOBS_CLAIMED, queries, q -> q.count(JobStatus.CLAIMED))
                .description("Packing jobs a volunteer has claimed and not yet packed")
                .register(registry);
        Gauge.builder(JOBS_OVERDUE, queries, q -> q.countOverdue(LocalDate.now(clock)))
                .description("Packing jobs past their deadline that are not yet handed over")
                .register(registry);
    }
}
