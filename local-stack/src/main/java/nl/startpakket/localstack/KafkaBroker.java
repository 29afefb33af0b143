package nl.startpakket.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One real Apache Kafka broker in KRaft mode (combined broker and controller, node 1), running in
 * this JVM on {@code host:port}, with its log and metadata under one directory.
 *
 * <p>The directory is formatted on first start (a new cluster id) and reused afterwards, so topics,
 * records and committed consumer offsets survive a stop and a start. Topics are created on first
 * use with 3 partitions and replication factor 1.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start(Path.of("data/kafka"), "127.0.0.1", 9092)) {
 *     String bootstrap = broker.bootstrapServers(); // "127.0.0.1:9092"
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path directory;
    private boolean stopped;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path directory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.directory = directory;
    }

    /**
     * Formats {@code directory} if it holds no broker yet, starts the broker on {@code host:port}
     * (0 picks a free port) and returns once it accepts connections.
     */
    public static KafkaBroker start(Path directory, String host, int port) {
        try {
            Files.createDirectories(directory);
            int brokerPort = port == 0 ? freePort(host) : port;
            int controllerPort = freePort(host);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
            props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("controller.listener.names", CONTROLLER_LISTENER);
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", directory.toAbsolutePath().toString());
            props.put("num.partitions", "3");
            props.put("default.replication.factor", "1");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "10");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("group.initial.rebalance.delay.ms", "0");
            // a small machine: few threads, a small log-cleaner buffer (its 128 MB default is allocated up front)
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "4");
            props.put("background.threads", "2");
            props.put("log.cleaner.threads", "1");
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
            props.put("num.recovery.threads.per.data.dir", "1");
            props.put("log.retention.hours", "-1");
            props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
            KafkaConfig config = KafkaConfig.fromProps(props, false);

            if (!Files.exists(directory.resolve("meta.properties"))) {
                format(directory);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = host + ":" + brokerPort;
            KafkaBroker broker = new KafkaBroker(server, bootstrap, directory);
            broker.awaitListening(host, brokerPort, Duration.ofSeconds(60));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka in " + directory, e);
        }
    }

    private static void format(Path directory) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory.toAbsolutePath().toString())
                    .addDirectory(directory.toAbsolutePath().toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + directory, e);
        }
    }

    private void awaitListening(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("Kafka did not listen on " + host + ":" + port + " within " + timeout);
                }
                sleep(50);
            }
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's log and metadata directory. */
    public Path directory() {
        return directory;
    }

    /** Shuts the broker down (controlled shutdown, logs flushed); the directory is kept. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
    }

    static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
