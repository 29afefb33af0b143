package nl.startpakket.fulfilment.integration.out;

import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingJobCancelled;
import nl.startpakket.events.fulfilment.v1.PackingJobQueued;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.fulfilment.api.JobClaimedEvent;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.PackageDeliveredEvent;
import nl.startpakket.fulfilment.api.PackageHandedOverEvent;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.PackingJobQueuedEvent;
import nl.startpakket.platform.messaging.EventIds;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The outbox: publishes the public fulfilment events from the stored ones. No personal data
 * leaves: the due date only as {@code daysBeforeDueDate}. A job cancelled before it was ever
 * queued (the referral was withdrawn before funding) is nobody else's business.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class FulfilmentEventPublisher {

    private final IntegrationEventPublisher publisher;

    public FulfilmentEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(PackingJobQueuedEvent event, @MessageIdentifier String id) {
        publisher.publish(new PackingJobQueued(EventIds.derive(id, PackingJobQueued.class), event.occurredAt(),
                event.referralId(), event.jobId(), event.municipality(), event.phase(), event.deadline()));
    }

    @EventHandler
    void on(JobClaimedEvent event, @MessageIdentifier String id) {
        publisher.publish(new PackingStarted(EventIds.derive(id, PackingStarted.class), event.occurredAt(),
                event.referralId(), event.jobId()));
    }

    @EventHandler
    void on(PackagePackedEvent event, @MessageIdentifier String id) {
        publisher.publish(new PackagePacked(EventIds.derive(id, PackagePacked.class), event.occurredAt(),
                event.referralId(), event.jobId(), event.municipality(), event.phase(), event.packedOn()));
    }

    @EventHandler
    void on(PackageHandedOverEvent event, @MessageIdentifier String id) {
        publisher.publish(new PackageHandedOver(EventIds.derive(id, PackageHandedOver.class), event.occurredAt(),
                event.referralId(), event.jobId(), event.municipality(), event.phase(), event.handedOverOn(),
                event.deliveryMethod(), event.daysBeforeDueDate()));
    }

    @EventHandler
    void on(PackageDeliveredEvent event, @MessageIdentifier String id) {
        publisher.publish(new PackageDelivered(EventIds.derive(id, PackageDelivered.class), event.occurredAt(),
                event.referralId(), event.jobId(), event.municipality(), event.phase(), event.deliveredOn()));
    }

    @EventHandler
    void on(PackingJobCancelledEvent event, @MessageIdentifier String id) {
        if (event.previousStatus() == JobStatus.PENDING) {
            return;
        }
        publisher.publish(new PackingJobCancelled(EventIds.derive(id, PackingJobCancelled.class), event.occurredAt(),
                event.referralId(), event.jobId(), event.restocked()));
    }
}
