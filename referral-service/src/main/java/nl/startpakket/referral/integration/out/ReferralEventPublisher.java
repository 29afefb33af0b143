package nl.startpakket.referral.integration.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.events.referral.v1.PersonalDataErased;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.events.referral.v1.ReferralRejected;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import nl.startpakket.platform.messaging.EventIds;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import nl.startpakket.events.referral.v1.FollowUpOpened;
import nl.startpakket.events.referral.v1.FollowUpOutcomeRecorded;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.referral.api.history.HistoricReferralImportedEvent;
import nl.startpakket.referral.api.FollowUpOpenedEvent;
import nl.startpakket.referral.api.FollowUpOutcomeRecordedEvent;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralDataErasedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import nl.startpakket.referral.privacy.ReferralDataProtection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: stored referral events become integration events on Kafka. Ids derive from
 * the stored event, so a re-publication after a crash is recognised by consumers. The referral
 * topic carries no personal data; the delivery details go on the delivery topic for fulfilment,
 * sealed with the referral's data key ({@code delivery.DeliveryDetailsShared} v2), after the key
 * itself on the compacted delivery keys topic. An erasure sends the key's tombstone and
 * {@code referral.PersonalDataErased}.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class ReferralEventPublisher {

    private final IntegrationEventPublisher publisher;
    private final DeliveryKeyPublisher deliveryKeys;
    private final ReferralDataProtection protection;

    public ReferralEventPublisher(IntegrationEventPublisher publisher, DeliveryKeyPublisher deliveryKeys,
                                  ReferralDataProtection protection) {
        this.publisher = publisher;
        this.deliveryKeys = deliveryKeys;
        this.protection = protection;
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
                event.referralDate(), event.deliveryMethod(), event.consentFollowUp(), event.pregnancyWeekAtReferral()));
        shareDeliveryDetails(EventIds.derive(id, DeliveryDetailsShared.class), event.occurredAt(), event.referralId(),
                event.municipality(), event.phase(), event.deliveryMethod(), event.personalData());
    }

    /** An amendment sends fulfilment the complete delivery details again. */
    @EventHandler
    void on(ReferralAmendedEvent event, @MessageIdentifier String id) {
        shareDeliveryDetails(EventIds.derive(id, DeliveryDetailsShared.class), event.occurredAt(), event.referralId(),
                event.municipality(), event.phase(), event.deliveryMethod(), event.personalData());
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

    /** The key's tombstone (fulfilment deletes its copy; compaction removes it from the log), then the public fact. */
    @EventHandler
    void on(ReferralDataErasedEvent event, @MessageIdentifier String id) {
        protection.erase(event.referralId());
        deliveryKeys.erase(event.referralId());
        publisher.publish(new PersonalDataErased(EventIds.derive(id, PersonalDataErased.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(),
                LocalDate.ofInstant(event.occurredAt(), nl.startpakket.platform.ServicePlatformConfiguration.ZONE),
                event.reason().name()));
    }

    @EventHandler
    void on(FollowUpOpenedEvent event, @MessageIdentifier String id) {
        publisher.publish(new FollowUpOpened(EventIds.derive(id, FollowUpOpened.class), event.occurredAt(), event.referralId(),
                event.municipality(), event.phase(), event.deliveredOn()));
    }

    /** The outcome without who recorded it: the evaluation counts outcomes, never people. */
    @EventHandler
    void on(FollowUpOutcomeRecordedEvent event, @MessageIdentifier String id) {
        publisher.publish(new FollowUpOutcomeRecorded(EventIds.derive(id, FollowUpOutcomeRecorded.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(), event.outcome().name(),
                LocalDate.ofInstant(event.occurredAt(), nl.startpakket.platform.ServicePlatformConfiguration.ZONE)));
    }

    /** History from before Startpakket: its business dates and whether it was invoiced then; nothing about the family. */
    @EventHandler
    void on(HistoricReferralImportedEvent event, @MessageIdentifier String id) {
        publisher.publish(new HistoricReferralImported(EventIds.derive(id, HistoricReferralImported.class), event.occurredAt(),
                event.referralId(), event.municipality(), event.phase(), event.intermediaryType(), event.referredOn(),
                event.deliveredOn(), event.invoicedBeforeStartpakket(), event.importId()));
    }

    private void shareDeliveryDetails(UUID eventId, Instant at, String referralId, String municipality, Phase phase,
                                      DeliveryMethod method, SealedData personalData) {
        Optional<SealedData> sealed = protection.sealForDelivery(referralId, personalData);
        if (sealed.isPresent()) {
            // the key first: when fulfilment reads the details, the key is already on its topic
            deliveryKeys.publish(referralId, protection.key(referralId).orElseThrow());
        }
        publisher.publish(new DeliveryDetailsShared(eventId, at, referralId, municipality, phase, method, sealed.orElse(null)));
    }
}
