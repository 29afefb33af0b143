package nl.startpakket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.startpakket.events.IntegrationEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * B7: the reporting service rebuilds its projections from the start of the Kafka log, as a
 * coordinator asks it to ({@code POST /api/v1/reports/rebuild}), until the new version is active.
 */
final class Rebuild {

    private final HostedStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    Rebuild(HostedStack stack) {
        this.stack = stack;
    }

    /** Puts the lives of {@code events / 9} delivered referrals on the four topics reporting reads; returns the count. */
    long generate(long events) throws Exception {
        long referrals = Math.max(1, events / 9);
        RawKafka raw = new RawKafka(stack.kafkaBootstrapServers());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        LocalDate day = LocalDate.now().minusMonths(6);
        Instant at = Instant.now().minus(Duration.ofDays(180));
        try (KafkaProducer<String, byte[]> producer = producerFor(raw)) {
            for (long r = 0; r < referrals; r++) {
                String referralId = "R-hist-" + UUID.randomUUID();
                for (IntegrationEvent event : Events.lifeOf(referralId, at, day.plusDays(r % 150))) {
                    producer.send(Events.record(event, "/startpakket/benchmarks-history"), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    sent++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sent;
    }

    private KafkaProducer<String, byte[]> producerFor(RawKafka raw) {
        java.util.Properties props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(props, new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    record Result(long events, double eventsPerSecond, double seconds, String state) {
    }

    /**
     * Starts a rebuild and waits until it switched (or failed, or the timeout passed). Progress is
     * followed in the service's {@code projection_versions} document, not over HTTP: every staff
     * request checks a BCrypt password hash, which would cost the service more CPU than the rebuild.
     */
    Result run(Duration timeout, com.mongodb.client.MongoClient mongo) throws IOException, InterruptedException {
        String url = stack.baseUrl(nl.startpakket.localstack.Service.REPORTING) + "/api/v1/reports/rebuild";
        var versions = mongo.getDatabase("startpakket-reporting").getCollection("projection_versions");
        long begin = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", ReferralClient.basic("coordinator"))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Rebuild not started: " + started.statusCode() + " " + started.body());
        }
        int building = Events.JSON.readTree(started.body()).path("buildingVersion").asInt();
        long deadline = begin + timeout.toNanos();
        long end = 0;
        while (System.nanoTime() < deadline) {
            org.bson.Document state = versions.find(com.mongodb.client.model.Filters.eq("_id", "evaluation")).first();
            if (state != null && state.get("building") == null) {
                end = System.nanoTime(); // switched (active == building) or failed (building cleared)
                break;
            }
            Thread.sleep(20);
        }
        if (end == 0) {
            return new Result(0, Double.NaN, timeout.toSeconds(), "TIMEOUT");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", ReferralClient.basic("coordinator"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode status = Events.JSON.readTree(response.body());
        String state = status.path("state").asText();
        long events = status.path("eventsProjected").asLong() + status.path("eventsSkipped").asLong();
        double seconds = (end - begin) / 1e9;
        boolean switched = "SWITCHED".equals(state) && status.path("activeVersion").asInt() == building;
        return new Result(events, events / seconds, seconds, switched ? "SWITCHED" : state + " " + status.path("error").asText());
    }

    static List<String> topics() {
        return List.of(nl.startpakket.events.Topics.REFERRAL, nl.startpakket.events.Topics.FUNDING,
                nl.startpakket.events.Topics.FULFILMENT, nl.startpakket.events.Topics.BILLING,
                nl.startpakket.events.Topics.DELIVERY);
    }
}
