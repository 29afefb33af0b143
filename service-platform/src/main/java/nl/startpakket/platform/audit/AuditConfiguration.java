package nl.startpakket.platform.audit;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The audit trail and its coordinator endpoint. */
@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditConfiguration {

    @Bean
    public AuditTrail auditTrail(MongoClient client, MongoProperties mongo, Clock clock) {
        return new AuditTrail(client.getDatabase(mongo.getMongoClientDatabase()), clock);
    }
}
