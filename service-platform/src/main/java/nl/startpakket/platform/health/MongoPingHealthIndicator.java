package nl.startpakket.platform.health;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * MongoDB's health by the {@code ping} command on this service's database: the one command every
 * MongoDB-compatible server answers (Spring Boot's own indicator sends {@code hello}, which the
 * local stack's wire-protocol server does not know, so it reported DOWN forever and logged a
 * stack trace on every poll). DOWN names what failed in one line, within three seconds.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        super(e -> "MongoDB did not answer a ping: " + e.getMessage());
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        try {
            // a bounded wait: a health poll answers within seconds even while no server can be selected
            Document answer = client.getDatabase(database).withTimeout(3, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
            health.up().withDetail("database", database).withDetail("ok", answer.get("ok"));
        } catch (MongoException e) {
            health.down().withDetail("database", database)
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
