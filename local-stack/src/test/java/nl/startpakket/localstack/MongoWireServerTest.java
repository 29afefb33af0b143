package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepADocumentAcrossAStopAndAStart() {
        Path file = dir.resolve("mongo").resolve("startpakket.mv");
        try (MongoWireServer server = MongoWireServer.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.uri())) {
            collection(client).insertOne(new Document("_id", "R-1").append("status", "ACCEPTED"));
        }
        assertThat(file).exists();

        try (MongoWireServer server = MongoWireServer.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.uri())) {
            assertThat(collection(client).find(new Document("_id", "R-1")).first())
                    .isNotNull()
                    .containsEntry("status", "ACCEPTED");
        }
    }

    @Test
    void shouldForgetEverythingWhenInMemory() {
        try (MongoWireServer server = MongoWireServer.startInMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.uri())) {
            collection(client).insertOne(new Document("_id", "R-1"));
            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
        try (MongoWireServer server = MongoWireServer.startInMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.uri())) {
            assertThat(collection(client).countDocuments()).isZero();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("startpakket-test").getCollection("referrals");
    }
}
