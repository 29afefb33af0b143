package nl.startpakket.fulfilment.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import nl.startpakket.fulfilment.api.DeliveryDetailsRecordedEvent;
import nl.startpakket.fulfilment.api.FundingRecordedEvent;
import nl.startpakket.fulfilment.api.JobClaimedEvent;
import nl.startpakket.fulfilment.api.JobDeadlineChangedEvent;
import nl.startpakket.fulfilment.api.JobExceptionReportedEvent;
import nl.startpakket.fulfilment.api.JobReleasedEvent;
import nl.startpakket.fulfilment.api.JobResumedEvent;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.PackageDeliveredEvent;
import nl.startpakket.fulfilment.api.PackageHandedOverEvent;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.PackingJobQueuedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code job_queue} in step with the packing jobs. Every handler is an idempotent upsert
 * keyed by job id, so replaying the event stream yields the same documents.
 */
@Component
@ProcessingGroup("job-queue")
public class JobQueueProjection {

    private final MongoTemplate mongo;
    private final MeterRegistry meterRegistry;

    public JobQueueProjection(MongoTemplate mongo, MeterRegistry meterRegistry) {
        this.mongo = mongo;
        this.meterRegistry = meterRegistry;
    }

    @EventHandler
    void on(FundingRecordedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .setOnInsert("status", JobStatus.PENDING)
                .setOnInsert("listed", false)
                .set("referralId", event.referralId())
                .set("phase", event.phase())
                .set("municipality", event.municipality()));
    }

    @EventHandler
    void on(DeliveryDetailsRecordedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .setOnInsert("status", JobStatus.PENDING)
                .setOnInsert("listed", false)
                .set("referralId", event.referralId())
                .set("phase", event.phase())
                .set("municipality", event.municipality())
                .set("deliveryMethod", event.deliveryMethod())
                .set("personalData", event.personalData()));
    }

    @EventHandler
    void on(PackingJobQueuedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("referralId", event.referralId())
                .set("phase", event.phase())
                .set("municipality", event.municipality())
                .set("deliveryMethod", event.deliveryMethod())
                .set("deadline", event.deadline())
                .set("status", JobStatus.QUEUED)
                .set("listed", true));
    }

    @EventHandler
    void on(JobDeadlineChangedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update().set("deadline", event.deadline()));
    }

    @EventHandler
    void on(JobClaimedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.CLAIMED)
                .set("claimedBy", event.volunteer())
                .set("claimedAt", event.occurredAt()));
    }

    @EventHandler
    void on(JobReleasedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.QUEUED)
                .unset("claimedBy")
                .unset("claimedAt"));
    }

    @EventHandler
    void on(PackagePackedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.PACKED)
                .set("packedBy", event.volunteer())
                .set("packedOn", event.packedOn())
                .set("templateId", event.templateId())
                .set("itemsUsed", event.itemsUsed()));
    }

    @EventHandler
    void on(PackageHandedOverEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.HANDED_OVER)
                .set("deliveryMethod", event.deliveryMethod())
                .set("carrierReference", event.carrierReference())
                .set("handedOverOn", event.handedOverOn()));
    }

    @EventHandler
    void on(PackageDeliveredEvent event) {
        JobView before = mongo.findById(event.jobId(), JobView.class);
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.DELIVERED)
                .set("deliveredOn", event.deliveredOn()));
        if (before == null || before.status() != JobStatus.DELIVERED) {
            meterRegistry.counter(JobQueueMetrics.DELIVERIES, "phase", event.phase().name()).increment();
        }
    }

    @EventHandler
    void on(PackingJobCancelledEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .setOnInsert("listed", false)
                .set("referralId", event.referralId())
                .set("status", JobStatus.CANCELLED)
                .set("cancellationReason", event.reason())
                .unset("claimedBy")
                .unset("claimedAt"));
    }

    @EventHandler
    void on(JobExceptionReportedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", JobStatus.EXCEPTION)
                .set("exceptionKind", event.kind())
                .set("exceptionReason", event.reason())
                .set("exceptionReportedBy", event.reportedBy())
                .unset("claimedBy")
                .unset("claimedAt"));
    }

    @EventHandler
    void on(JobResumedEvent event) {
        upsert(event.jobId(), event.occurredAt(), new Update()
                .set("status", event.status())
                .unset("exceptionKind")
                .unset("exceptionReason")
                .unset("exceptionReportedBy"));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), JobView.class);
    }

    private void upsert(String jobId, Instant at, Update update) {
        mongo.upsert(query(where("_id").is(jobId)), update.set("updatedAt", at), JobView.class);
    }
}
