package nl.startpakket.reporting.integration.in;

import java.util.function.Consumer;
import nl.startpakket.platform.messaging.InboundEventHandler;
import nl.startpakket.reporting.query.LiveProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One consumer per topic reporting reads (group {@code reporting-service}): referral, funding,
 * fulfilment and billing. Never the delivery topic: it carries personal data. Each event is
 * deduplicated by id, then projected; types reporting does not use are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationEventConsumers {

    @Bean
    public Consumer<Message<byte[]>> onReferralEvent(InboundEventHandler inbound, LiveProjection projection) {
        return message -> inbound.handle("onReferralEvent", message, projection::apply);
    }

    @Bean
    public Consumer<Message<byte[]>> onFundingEvent(InboundEventHandler inbound, LiveProjection projection) {
        return message -> inbound.handle("onFundingEvent", message, projection::apply);
    }

    @Bean
    public Consumer<Message<byte[]>> onFulfilmentEvent(InboundEventHandler inbound, LiveProjection projection) {
        return message -> inbound.handle("onFulfilmentEvent", message, projection::apply);
    }

    @Bean
    public Consumer<Message<byte[]>> onBillingEvent(InboundEventHandler inbound, LiveProjection projection) {
        return message -> inbound.handle("onBillingEvent", message, projection::apply);
    }
}
