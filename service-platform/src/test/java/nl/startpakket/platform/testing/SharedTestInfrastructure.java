package nl.startpakket.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import nl.startpakket.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) and one MongoDB wire-protocol server per test JVM,
 * started on first use and shared by every Spring context and test class. {@code MONGODB_URI}
 * or {@code KAFKA_BOOTSTRAP_SERVERS} in the environment replace them with real ones.
 */
public final class SharedTestInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static MongoServer mongo;
    private static String kafkaBootstrap;
    private static String mongoUri;

    private SharedTestInfrastructure() {
    }

    public static synchronized void start() {
        if (kafkaBootstrap != null) {
            return;
        }
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (externalKafka != null && !externalKafka.isBlank()) {
            kafkaBootstrap = externalKafka;
        } else {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3,
                    Topics.REFERRAL, Topics.DELIVERY, Topics.FUNDING, Topics.FULFILMENT, Topics.BILLING);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("num.partitions", "3");
            kafka = broker;
            kafka.afterPropertiesSet();
            kafkaBootstrap = kafka.getBrokersAsString();
        }
        String externalMongo = System.getenv("MONGODB_URI");
        if (externalMongo != null && !externalMongo.isBlank()) {
            mongoUri = externalMongo;
        } else {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SharedTestInfrastructure::stop, "test-infrastructure-stop"));
    }

    public static String kafkaBootstrapServers() {
        start();
        return kafkaBootstrap;
    }

    public static String mongoUri() {
        start();
        return mongoUri;
    }

    private static synchronized void stop() {
        if (kafka != null) {
            kafka.destroy();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
