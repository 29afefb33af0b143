package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same round-trips as {@link KafkaBrokerTest} and {@link MongoWireServerTest}, against the real
 * images the production-like compose file uses. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    /** A single-member replica set: real MongoDB, with transactions. */
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @Test
    void shouldRoundTripARecordThroughARealKafkaBroker() throws Exception {
        String topic = "local-stack.container-test";
        String key = "R-" + UUID.randomUUID();

        KafkaBrokerTest.send(KAFKA.getBootstrapServers(), topic, key, "{\"hello\":\"kafka\"}");

        assertThat(KafkaBrokerTest.readAll(KAFKA.getBootstrapServers(), topic))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, "{\"hello\":\"kafka\"}"));
    }

    @Test
    void shouldStoreAndReadADocumentInARealMongoDbIncludingATransaction() {
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl("startpakket-test"))) {
            MongoCollection<Document> referrals = client.getDatabase("startpakket-test").getCollection("referrals");
            referrals.insertOne(new Document("_id", "R-1").append("status", "ACCEPTED"));

            try (ClientSession session = client.startSession()) {
                session.withTransaction(() -> referrals.insertOne(session, new Document("_id", "R-2").append("status", "FUNDED")));
            }

            assertThat(referrals.find(new Document("_id", "R-1")).first()).containsEntry("status", "ACCEPTED");
            assertThat(referrals.countDocuments()).isEqualTo(2);
        }
    }
}
