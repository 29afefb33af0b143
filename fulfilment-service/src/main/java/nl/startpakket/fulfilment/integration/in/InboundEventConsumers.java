package nl.startpakket.fulfilment.integration.in;

import java.util.function.Consumer;
import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.SealedData;
import nl.startpakket.events.referral.v1.PersonalDataErased;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.fulfilment.api.CancelJobCommand;
import nl.startpakket.fulfilment.api.CancellationCause;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;
import nl.startpakket.fulfilment.api.PackingJobIds;
import nl.startpakket.fulfilment.api.RecordDeliveryDetailsCommand;
import nl.startpakket.fulfilment.api.RecordFundingCommand;
import nl.startpakket.fulfilment.api.Recipient;
import nl.startpakket.fulfilment.privacy.DeliveryDataErasure;
import nl.startpakket.fulfilment.privacy.DeliveryDataProtection;
import nl.startpakket.platform.messaging.InboundEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Other services' events that shape a packing job: funding (reserved creates or completes the
 * job, released cancels it), delivery details (create or complete or amend it) and referral
 * cancellations. Each is sent as a command and waited for, so the offset moves only after.
 */
@Configuration(proxyBeanMethods = false)
public class InboundEventConsumers {

    /** How long the details wait for their key (then the binder retries, then dead-letters). */
    static final java.time.Duration KEY_ARRIVAL = java.time.Duration.ofSeconds(20);

    @Bean
    public Consumer<Message<byte[]>> onFundingEvent(InboundEventHandler inbound, CommandGateway commands) {
        return message -> inbound.handle("onFundingEvent", message, event -> {
            if (event instanceof FundingReserved reserved) {
                commands.sendAndWait(new RecordFundingCommand(PackingJobIds.forReferral(reserved.referralId()),
                        reserved.referralId(), reserved.contractId(), reserved.municipality(), reserved.phase(),
                        reserved.reservedOn()));
            } else if (event instanceof FundingReleased released) {
                commands.sendAndWait(new CancelJobCommand(PackingJobIds.forReferral(released.referralId()),
                        released.referralId(), CancellationCause.FUNDING_RELEASED, released.reason()));
            }
        });
    }

    /**
     * Delivery details. Version 2 arrives sealed with the referral's data key, which is published
     * before it on the delivery keys topic: wait (briefly) until that key is in the vault, then
     * keep the sealed value as it is. Version 1 (an older referral service) arrives in plain and is
     * sealed here with a key of our own, so no plain copy is ever stored.
     */
    @Bean
    public Consumer<Message<byte[]>> onDeliveryEvent(InboundEventHandler inbound, CommandGateway commands,
                                                     DeliveryDataProtection protection) {
        return message -> inbound.handle("onDeliveryEvent", message, event -> {
            if (event instanceof nl.startpakket.events.delivery.v2.DeliveryDetailsShared shared) {
                SealedData personalData = shared.personalData();
                if (personalData != null && !protection.awaitKey(shared.referralId(), personalData.keyId(), KEY_ARRIVAL)) {
                    personalData = null; // erased before it reached us
                }
                commands.sendAndWait(new RecordDeliveryDetailsCommand(PackingJobIds.forReferral(shared.referralId()),
                        shared.referralId(), shared.municipality(), shared.phase(), shared.deliveryMethod(), personalData));
            } else if (event instanceof DeliveryDetailsShared shared) {
                DeliveryDetailsShared.Recipient r = shared.recipient();
                Recipient recipient = r == null ? null
                        : new Recipient(r.name(), r.street(), r.houseNumber(), r.postalCode(), r.city(), r.phone(), r.email());
                SealedData sealed = protection.sealLocally(shared.referralId(),
                        new DeliveryPersonalData(shared.expectedDueDate(), shared.childBirthDate(), recipient, shared.notes()));
                commands.sendAndWait(new RecordDeliveryDetailsCommand(PackingJobIds.forReferral(shared.referralId()),
                        shared.referralId(), shared.municipality(), shared.phase(), shared.deliveryMethod(), sealed));
            }
        });
    }

    @Bean
    public Consumer<Message<byte[]>> onReferralEvent(InboundEventHandler inbound, CommandGateway commands,
                                                     DeliveryDataErasure erasure) {
        return message -> inbound.handle("onReferralEvent", message, event -> {
            if (event instanceof ReferralCancelled cancelled) {
                commands.sendAndWait(new CancelJobCommand(PackingJobIds.forReferral(cancelled.referralId()),
                        cancelled.referralId(), CancellationCause.REFERRAL_CANCELLED, cancelled.reason()));
            } else if (event instanceof PersonalDataErased erased) {
                erasure.erase(erased.referralId(), "referral.PersonalDataErased");
            }
        });
    }
}
