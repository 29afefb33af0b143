package nl.startpakket.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server in this JVM that speaks the MongoDB wire protocol (mongo-java-server), reached through
 * the real MongoDB Java driver. With a file, every database lives in that one H2 MVStore file and
 * survives a stop and a start; without, it is in memory.
 *
 * <p>It is not MongoDB: no transactions, no replica set, some indexes only partly used. Code must
 * not rely on its quirks; a real MongoDB replaces it through {@code MONGODB_URI}.
 *
 * <pre>{@code
 * try (MongoWireServer mongo = MongoWireServer.start(Path.of("data/mongo/startpakket.mv"), "127.0.0.1", 27017)) {
 *     String uri = mongo.uri(); // "mongodb://127.0.0.1:27017"
 * }
 * }</pre>
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final String uri;
    private boolean stopped;

    private MongoWireServer(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Opens (or creates) the H2 file and listens on {@code host:port} (0 picks a free port). */
    public static MongoWireServer start(Path file, String host, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        return listen(new MongoServer(new H2Backend(file.toAbsolutePath().toString())), host, port);
    }

    /** An in-memory server on {@code host:port} (0 picks a free port); its data goes with {@link #close()}. */
    public static MongoWireServer startInMemory(String host, int port) {
        return listen(new MongoServer(H2Backend.inMemory()), host, port);
    }

    private static MongoWireServer listen(MongoServer server, String host, int port) {
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + " (in use?)", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        return new MongoWireServer(server, "mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /** The connection string, e.g. {@code mongodb://127.0.0.1:27017}, without a database. */
    public String uri() {
        return uri;
    }

    /** Closes client connections and the H2 file (its last changes written). Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
    }
}
