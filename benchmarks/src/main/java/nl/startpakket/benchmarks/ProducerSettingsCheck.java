package nl.startpakket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.startpakket.localstack.Service;

/**
 * What the running services' Kafka producers were really configured with: the values the Kafka
 * client itself logs when a producer is created ({@code ProducerConfig values:}), and the binder's
 * {@code sync} and {@code required-acks} as the running service resolved them ({@code /actuator/env}).
 */
final class ProducerSettingsCheck {

    static final List<String> KEYS = List.of("acks", "enable.idempotence", "max.in.flight.requests.per.connection",
            "linger.ms", "delivery.timeout.ms", "retries", "transactional.id");

    private final HostedStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProducerSettingsCheck(HostedStack stack) {
        this.stack = stack;
    }

    /** Each producer's settings as logged by the Kafka client in the service's log, by client id. */
    Map<String, Map<String, String>> loggedProducers(Service service) throws IOException {
        Path log = stack.dataDirectory().resolve("logs").resolve(service.module() + ".log");
        Map<String, Map<String, String>> producers = new LinkedHashMap<>();
        if (!Files.exists(log)) {
            return producers;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains("ProducerConfig values:")) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            int j = i + 1;
            while (j < lines.size() && lines.get(j).startsWith("\t")) {
                String[] kv = lines.get(j).trim().split(" = ", 2);
                values.put(kv[0], kv.length > 1 ? kv[1] : "");
                j++;
            }
            String clientId = values.getOrDefault("client.id", "producer");
            Map<String, String> selected = new LinkedHashMap<>();
            KEYS.forEach(k -> selected.put(k, values.get(k)));
            producers.put(clientId, selected);
            i = j - 1;
        }
        return producers;
    }

    /** A resolved property of the running service with where it came from ({@code /actuator/env/<name>}). */
    String property(Service service, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + "/actuator/env/" + name))
                    .header("Authorization", ReferralClient.basic("coordinator"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode property = Events.JSON.readTree(response.body()).path("property");
            return property.path("value").asText("?") + " (from " + property.path("source").asText("?") + ")";
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    String describe(Service service) {
        StringBuilder text = new StringBuilder("- **" + service.module() + "**: ");
        try {
            Map<String, Map<String, String>> producers = loggedProducers(service);
            if (producers.isEmpty()) {
                text.append("no producer created yet (nothing published). ");
            }
            producers.forEach((client, values) -> {
                text.append("`").append(client).append("` ");
                values.forEach((k, v) -> text.append(k).append("=").append(v).append(" "));
                text.append("; ");
            });
        } catch (IOException e) {
            text.append("log not readable: ").append(e.getMessage()).append("; ");
        }
        text.append("binder `spring.cloud.stream.kafka.default.producer.sync` = ")
                .append(property(service, "spring.cloud.stream.kafka.default.producer.sync"))
                .append(", `spring.cloud.stream.kafka.binder.required-acks` = ")
                .append(property(service, "spring.cloud.stream.kafka.binder.required-acks"));
        return text.toString();
    }
}
