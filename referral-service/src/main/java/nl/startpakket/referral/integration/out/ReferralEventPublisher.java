package nl.startpakket.referral.integration.out;

import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import nl.startpakket.platform.messaging.EventIds;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import nl.startpakket.referral.api.DeliveryDetails;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: stored referral events become integration events on Kafka. Ids derive from
 * the stored event, so a re-publication after a crash is recognised by consumers. The referral
 * topic carries no personal data; the delivery details go on the delivery topic, for fulfilment.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class ReferralEventPublisher {

    private final IntegrationEventPublisher publisher;

    public ReferralEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ReferralSubmittedEvent event, @MessageIdentifier String id) {
        publisher.publish(new ReferralSubmitted(EventIds.derive(id, ReferralSubmitted.class), event.occurredAt(),
                event.referralId(), event.partnerId(), event.intermediaryType(), event.municipality(), event.phase(),
                event.referralDate()));
    }

    @EventHandler
    void on(ReferralAcceptedEvent event, @MessageIdentifier String id) {
        publisher.publish(new ReferralAccepted(EventIds.derive(id, ReferralAccepted.class), event.occurredAt(),
                event.referralId(), event.partnerId(), event.intermediaryType(), event.municipality(), event.phase(),
                event.referralDate(), event.details().deliveryMethod(), event.consentFollowUp(),
                event.pregnancyWeekAtReferral()));
        publisher.publish(deliveryDetails(EventIds.derive(id, DeliveryDetailsShared.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(), event.details()));
    }

    /** An amendment sends fulfilment the complete delivery details again. */
    @EventHandler
    void on(ReferralAmendedEvent event, @MessageIdentifier String id) {
        publisher.publish(deliveryDetails(EventIds.derive(id, DeliveryDetailsShared.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(), event.details()));
    }

    @EventHandler
    void on(ReferralRejectedEvent event, @MessageIdentifier String id) {
        publisher.publish(new ReferralRejected(EventIds.derive(id, ReferralRejected.class), event.occurredAt(),
                event.referralId(), event.partnerId(), event.intermediaryType(), event.municipality(), event.phase(),
                event.referralDate(), event.reason()));
    }

    @EventHandler
    void on(ReferralCancelledEvent event, @MessageIdentifier String id) {
        publisher.publish(new ReferralCancelled(EventIds.derive(id, ReferralCancelled.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(), event.cancelledOn(), event.reason()));
    }

    static DeliveryDetailsShared deliveryDetails(java.util.UUID eventId, java.time.Instant at, String referralId,
                                                 String municipality, nl.startpakket.events.Phase phase, DeliveryDetails details) {
        ParentDetails p = details.parent();
        return new DeliveryDetailsShared(eventId, at, referralId, municipality, phase, details.expectedDueDate(),
                details.childBirthDate(), details.deliveryMethod(),
                new DeliveryDetailsShared.Recipient(p.name(), p.street(), p.houseNumber(), p.postalCode(), p.city(), p.phone(),
                        p.email()),
                details.notes());
    }
}
