package nl.startpakket.billing.integration.in;

import java.util.function.Consumer;
import nl.startpakket.billing.api.RouteCancellationCommand;
import nl.startpakket.billing.api.RouteDeliveryCommand;
import nl.startpakket.billing.api.RouteHistoricDeliveryCommand;
import nl.startpakket.billing.api.RouteReferralCommand;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.platform.messaging.InboundEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Other services' events in: an accepted referral asks its municipality's route for funding, a
 * cancellation releases it, a delivery becomes a billable line. A referral from before Startpakket
 * is billable only when it was delivered and not invoiced then (ADR 0009): an invoiced one is never
 * billed again, whatever contract covers its date. Each command is idempotent in its aggregate and
 * sent with {@code sendAndWait}, so the offset moves only after it was stored.
 */
@Configuration(proxyBeanMethods = false)
public class InboundEventsConfig {

    private static final Logger log = LoggerFactory.getLogger(InboundEventsConfig.class);

    @Bean
    public Consumer<Message<byte[]>> onReferralEvent(InboundEventHandler inbound, CommandGateway commands) {
        return message -> inbound.handle("onReferralEvent", message, event -> {
            if (event instanceof ReferralAccepted accepted) {
                commands.sendAndWait(RouteReferralCommand.of(accepted.municipality(), accepted.referralId(),
                        accepted.phase(), accepted.referralDate()));
            } else if (event instanceof HistoricReferralImported historic) {
                if (historic.deliveredOn() != null && !historic.invoicedBeforeStartpakket()) {
                    commands.sendAndWait(RouteHistoricDeliveryCommand.of(historic.municipality(), historic.referralId(),
                            historic.phase(), historic.deliveredOn()));
                }
            } else if (event instanceof ReferralCancelled cancelled) {
                try {
                    commands.sendAndWait(RouteCancellationCommand.of(cancelled.municipality(), cancelled.referralId(),
                            cancelled.reason()));
                } catch (AggregateNotFoundException e) {
                    log.info("Cancellation of {} in {}: no funding was ever asked there, nothing to release",
                            cancelled.referralId(), cancelled.municipality());
                }
            }
        });
    }

    @Bean
    public Consumer<Message<byte[]>> onFulfilmentEvent(InboundEventHandler inbound, CommandGateway commands) {
        return message -> inbound.handle("onFulfilmentEvent", message, event -> {
            if (event instanceof PackageDelivered delivered) {
                commands.sendAndWait(RouteDeliveryCommand.of(delivered.municipality(), delivered.referralId(),
                        delivered.phase(), delivered.deliveredOn()));
            }
        });
    }
}
