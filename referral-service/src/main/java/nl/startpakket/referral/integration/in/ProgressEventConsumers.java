package nl.startpakket.referral.integration.in;

import java.util.function.Consumer;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.platform.messaging.InboundEventHandler;
import nl.startpakket.referral.api.RecordReferralProgressCommand;
import nl.startpakket.referral.api.ReferralStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Funding and fulfilment progress becomes the status partners see. Each event is a command that
 * is idempotent in the aggregate (by event id); the offset is committed only after it is handled.
 */
@Configuration(proxyBeanMethods = false)
public class ProgressEventConsumers {

    @Bean
    public Consumer<Message<byte[]>> onFundingEvent(InboundEventHandler inbound, CommandGateway commands) {
        return message -> inbound.handle("onFundingEvent", message, event -> {
            if (event instanceof FundingReserved e) {
                record(commands, e, e.referralId(), ReferralStatus.FUNDED, null);
            } else if (event instanceof FundingOnHold e) {
                record(commands, e, e.referralId(), ReferralStatus.ON_HOLD, e.reason());
            }
            // FundingReleased follows a cancellation the referral already shows
        });
    }

    @Bean
    public Consumer<Message<byte[]>> onFulfilmentEvent(InboundEventHandler inbound, CommandGateway commands) {
        return message -> inbound.handle("onFulfilmentEvent", message, event -> {
            if (event instanceof PackingStarted e) {
                record(commands, e, e.referralId(), ReferralStatus.PACKING, null);
            } else if (event instanceof PackagePacked e) {
                record(commands, e, e.referralId(), ReferralStatus.PACKED, null);
            } else if (event instanceof PackageDelivered e) {
                record(commands, e, e.referralId(), ReferralStatus.DELIVERED, null);
            }
            // queued, handed over and cancelled jobs do not change what the partner sees
        });
    }

    private static void record(CommandGateway commands, IntegrationEvent event, String referralId, ReferralStatus stage,
                               String detail) {
        commands.sendAndWait(new RecordReferralProgressCommand(referralId, stage, event.occurredAt(),
                event.eventId().toString(), detail));
    }
}
