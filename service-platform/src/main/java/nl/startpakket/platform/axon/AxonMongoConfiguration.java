package nl.startpakket.platform.axon;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import nl.startpakket.platform.PlatformProperties;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on MongoDB without Axon Server: the event store (one document per event), the tracking
 * token store, and error handling that never skips an event. The service's database comes from
 * {@code spring.data.mongodb.database}; {@code MONGODB_URI} points it at any MongoDB.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfiguration {

    /** How often an instance says it is alive and looks whether it holds more than its share of segments. */
    static final Duration SEGMENT_BALANCER_HEARTBEAT = Duration.ofSeconds(5);

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, mongo.getMongoClientDatabase())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PlatformProperties properties) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .storageStrategy(new DocumentPerEventStorageStrategy(
                        EventEntryConfiguration.getDefault(), properties.getEventStore().getLookBack()))
                // the in-JVM wire-protocol server has no transactions; each event document is atomic
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        // events stored later than the look-back window after their timestamp could be skipped by tracking processors
        return new LateAppendGuard(engine, properties.getEventStore().getLookBack());
    }

    /**
     * Axon's embedded event store with a bounded cache of the latest events: each cached event
     * carries a tracking token naming every event of the look-back window, so the default 10,000
     * cached events took over 160 MB of a 256 MB heap during a 10,000-row import of history.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, org.axonframework.config.Configuration configuration,
                                         PlatformProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(properties.getEventStore().getCachedEvents())
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /**
     * Commands that lost a race for their aggregate against another instance are sent again
     * ({@link ConcurrencyRetryScheduler}: after 20 ms, doubled each time, up to 8 times). Not a
     * {@code ScheduledExecutorService} bean of its own: Spring Boot would take that for the
     * services' {@code @Scheduled} work.
     */
    @Bean(destroyMethod = "shutdown")
    public ConcurrencyRetryScheduler concurrencyRetryScheduler(MeterRegistry meters) {
        return new ConcurrencyRetryScheduler(20, 8, meters);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetryScheduler concurrencyRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(concurrencyRetryScheduler).build();
    }

    /** The aggregate caches of this instance; each service names one per aggregate type. */
    @Bean
    public AggregateCaches aggregateCaches(ObjectProvider<EventStore> eventStore) {
        return new AggregateCaches(eventStore::getObject);
    }

    /**
     * Each pooled processor's segments are its own setting, an instance may claim them all, and
     * processors reading the event store are woken when it has new events (see {@link PooledProcessors}).
     */
    @Bean
    public ConfigurerModule pooledProcessors(EventProcessorProperties processors) {
        return new PooledProcessors(processors);
    }

    /**
     * The streaming processors' segments spread over the running instances of the service; an
     * instance that stops leaves its segments to the others (see {@link SegmentBalancer}). It
     * starts once the application is ready: the processors are running then.
     */
    @Bean(destroyMethod = "stop")
    public SegmentBalancer segmentBalancer(ObjectProvider<org.axonframework.config.Configuration> axon, TokenStore tokenStore,
                                           MongoClient client, MongoProperties mongo, MeterRegistry meters) {
        return new SegmentBalancer(() -> axon.getObject().eventProcessingConfiguration().eventProcessors(), tokenStore,
                client.getDatabase(mongo.getMongoClientDatabase()), ManagementFactory.getRuntimeMXBean().getName(),
                Clock.systemUTC(), SEGMENT_BALANCER_HEARTBEAT, meters);
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> startSegmentBalancer(SegmentBalancer segmentBalancer) {
        return ready -> segmentBalancer.start();
    }

    /**
     * A failing event handler must not move its token on (Axon's default only logs): the
     * processor retries with back-off until the handler succeeds, so nothing is silently lost.
     */
    @Bean
    public ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
