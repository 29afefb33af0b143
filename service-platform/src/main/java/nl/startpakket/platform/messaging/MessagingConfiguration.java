package nl.startpakket.platform.messaging;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.startpakket.platform.PlatformProperties;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka in and out: the publisher of the outbox and the idempotent inbound handler. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    public IntegrationEventCodec integrationEventCodec() {
        return new IntegrationEventCodec();
    }

    @Bean
    public IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge, IntegrationEventCodec codec,
                                                               PlatformProperties properties, MeterRegistry meterRegistry) {
        return new IntegrationEventPublisher(streamBridge, codec, properties, meterRegistry);
    }

    @Bean
    public ProcessedEventStore processedEventStore(MongoClient client, MongoProperties mongo, Clock clock) {
        return new ProcessedEventStore(client.getDatabase(mongo.getMongoClientDatabase()), clock);
    }

    @Bean
    public InboundEventHandler inboundEventHandler(IntegrationEventCodec codec, ProcessedEventStore processedEvents,
                                                   MeterRegistry meterRegistry) {
        return new InboundEventHandler(codec, processedEvents, meterRegistry);
    }
}
