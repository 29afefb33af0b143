package nl.startpakket.reporting.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.LiveProjection;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.ReportQueries;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the projections onto the service's own MongoDB database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
public class ProjectionConfig {

    @Bean
    public EvaluationStore evaluationStore(MongoClient client, MongoProperties mongo) {
        return new EvaluationStore(database(client, mongo));
    }

    @Bean
    public ProjectionVersions projectionVersions(MongoClient client, MongoProperties mongo, EvaluationStore store) {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase(mongo.getMongoClientDatabase()));
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

    private static MongoDatabase database(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }
}
