package nl.startpakket.reporting.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.messaging.IntegrationEventCodec;
import nl.startpakket.reporting.integration.in.ProjectionRebuilder;
import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.ProjectionSeed;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.LiveProjection;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.RebuildRegister;
import nl.startpakket.reporting.query.ReportQueries;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the projections onto the service's own MongoDB database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
@EnableScheduling
public class ProjectionConfig {

    static final Duration VERSIONS_STALENESS = Duration.ofSeconds(1);

    @Bean
    public EvaluationStore evaluationStore(MongoClient client, MongoProperties mongo, MunicipalityRegister municipalities) {
        return new EvaluationStore(database(client, mongo), municipalities);
    }

    @Bean
    public ProjectionVersions projectionVersions(MongoClient client, MongoProperties mongo, EvaluationStore store) {
        // live events read which versions to write at most once a second, not once per event
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase(mongo.getMongoClientDatabase()),
                VERSIONS_STALENESS);
        // before the live consumers and the demo seed start: only facts of an earlier run count
        versions.initialise(store.hasFacts(1));
        versions.writable().forEach(store::prepare);
        return versions;
    }

    @Bean
    public EvaluationProjection evaluationProjection(EvaluationStore store) {
        return new EvaluationProjection(store);
    }

    @Bean
    public LiveProjection liveProjection(EvaluationProjection projection, ProjectionVersions versions,
                                         MeterRegistry meterRegistry, Clock clock) {
        return new LiveProjection(projection, versions, meterRegistry, clock);
    }

    @Bean
    public ReportQueries reportQueries(EvaluationStore store, ProjectionVersions versions, Clock clock) {
        return new ReportQueries(store, versions, clock);
    }

    @Bean
    public RebuildRegister rebuildRegister(MongoClient client, MongoProperties mongo) {
        return new RebuildRegister(database(client, mongo));
    }

    @Bean(destroyMethod = "shutdown")
    public ProjectionRebuilder projectionRebuilder(EvaluationStore store, ProjectionVersions versions, RebuildRegister register,
                                                   EvaluationProjection projection, ObjectProvider<ProjectionSeed> seeds,
                                                   IntegrationEventCodec codec, Environment environment, Clock clock,
                                                   MeterRegistry meterRegistry) {
        String brokers = environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092");
        return new ProjectionRebuilder(store, versions, register, projection, seeds.orderedStream().toList(), codec, brokers,
                clock, meterRegistry);
    }

    /**
     * At startup: a rebuild interrupted by a stop is started again (unless another instance runs
     * it; one whose instance stopped is resumed once its lease ran out, see
     * {@link ProjectionRebuilder#resumeAbandoned()}), and facts stored by an older
     * {@link EvaluationProjection#SCHEMA} are rebuilt beside the active version.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> rebuildWhenNeeded(ProjectionVersions versions,
                                                                       ProjectionRebuilder rebuilder) {
        return event -> {
            ProjectionVersions.State state = versions.state();
            if (state.building() != null) {
                rebuilder.resumeAbandoned();
            } else if (state.outdated()) {
                startUnlessRunning(rebuilder, "startup: version " + state.active() + " has schema " + state.schema()
                        + ", the code has " + EvaluationProjection.SCHEMA);
            }
        };
    }

    private static void startUnlessRunning(ProjectionRebuilder rebuilder, String reason) {
        try {
            rebuilder.start(reason);
        } catch (IllegalStateException runningAtAnotherInstance) {
            LoggerFactory.getLogger(ProjectionConfig.class).info("Not rebuilding here: {}", runningAtAnotherInstance.getMessage());
        }
    }

    private static MongoDatabase database(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }
}
