package nl.startpakket.reporting.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-memory MongoDB wire-protocol server for the store tests of a JVM; each test names its own database. */
final class InMemoryMongo {

    private static MongoClient client;

    private InMemoryMongo() {
    }

    static synchronized MongoDatabase database(String name) {
        if (client == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            MongoClient started = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                server.shutdownNow();
            }));
            client = started;
        }
        return client.getDatabase(name);
    }
}
