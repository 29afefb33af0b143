package nl.startpakket.fulfilment.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.startpakket.fulfilment.api.JobStatus;
import org.springframework.stereotype.Component;

/** Business metrics of the queue: jobs waiting for a volunteer, and packages delivered. */
@Component
public class JobQueueMetrics {

    public static final String JOBS_WAITING = "startpakket.fulfilment.jobs.waiting";
    public static final String DELIVERIES = "startpakket.fulfilment.deliveries";

    public JobQueueMetrics(MeterRegistry registry, JobQueueQueries queries) {
        Gauge.builder(JOBS_WAITING, queries, q -> q.count(JobStatus.QUEUED))
                .description("Packing jobs queued and not yet claimed")
                .register(registry);
    }
}
