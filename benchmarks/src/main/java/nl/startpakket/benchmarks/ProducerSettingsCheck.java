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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.startpakket.localstack.Service;

/**
 * What the running services' Kafka producers were really configured with: the values the Kafka
 * client itself logs when a producer is created ({@code ProducerConfig values:}), and the binder's
 * {@code sync} flag of each output binding from {@code /actuator/bindings}.
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

    /** The binder's {@code sync} flag per output binding, from {@code /actuator/bindings} (null when not exposed). */
    Map<String, String> syncPerBinding(Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + "/actuator/bindings"))
                    .header("Authorization", ReferralClient.basic("coordinator"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Map.of("/actuator/bindings", "HTTP " + response.statusCode());
            }
            Map<String, String> sync = new LinkedHashMap<>();
            for (JsonNode binding : Events.JSON.readTree(response.body())) {
                if (binding.path("input").asBoolean(true)) {
                    continue;
                }
                List<String> found = new ArrayList<>();
                collect(binding, "sync", found);
                sync.put(binding.path("bindingName").asText(binding.path("name").asText("?")), found.isEmpty() ? "not shown" : String.join(",", found));
            }
            return sync;
        } catch (IOException e) {
            return Map.of("/actuator/bindings", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static void collect(JsonNode node, String field, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field) && e.getValue().isValueNode()) {
                    found.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), field, found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, found));
        }
    }

    String describe(Service service) {
        StringBuilder text = new StringBuilder("- **" + service.module() + "**: ");
        try {
            Map<String, Map<String, String>> producers = loggedProducers(service);
            if (producers.isEmpty()) {
                text.append("no producer created yet (nothing published). ");
            }
            TreeSet<String> distinct = new TreeSet<>();
            producers.forEach((client, values) -> distinct.add(values.toString()));
            producers.forEach((client, values) -> {
                text.append("`").append(client).append("` ");
                values.forEach((k, v) -> text.append(k).append("=").append(v).append(" "));
                text.append("; ");
            });
        } catch (IOException e) {
            text.append("log not readable: ").append(e.getMessage()).append("; ");
        }
        Map<String, String> sync = syncPerBinding(service);
        text.append("binder `sync` per output binding: ").append(sync.isEmpty() ? "none bound" : sync);
        return text.toString();
    }
}
