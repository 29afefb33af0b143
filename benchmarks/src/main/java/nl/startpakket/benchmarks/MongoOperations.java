package nl.startpakket.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.startpakket.localstack.Service;

/**
 * The MongoDB commands each running service sent, as counted by the driver's command listener
 * (Micrometer's {@code MongoMetricsCommandListener}, which Spring Boot registers on the services'
 * client): {@code mongodb_driver_commands_seconds_count} on {@code /actuator/prometheus}, by
 * collection and command. Two counts taken around a run give the commands of that run.
 */
final class MongoOperations {

    private static final Pattern COUNT = Pattern.compile("^mongodb_driver_commands_seconds_count\\{([^}]*)} ([0-9.eE+]+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HostedStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MongoOperations(HostedStack stack) {
        this.stack = stack;
    }

    /** The commands sent so far, per service, per "collection command" (e.g. {@code domainevents insert}). */
    Counts count() {
        Map<Service, Map<String, Double>> counts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            counts.put(service, scrape(service));
        }
        return new Counts(counts);
    }

    /** The commands of every instance of the service, added up. */
    private Map<String, Double> scrape(Service service) {
        Map<String, Double> counts = new TreeMap<>();
        for (String baseUrl : stack.baseUrls(service)) {
            scrape(baseUrl, counts);
        }
        return counts;
    }

    private void scrape(String baseUrl, Map<String, Double> counts) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                return;
            }
            response.body().forEach(line -> {
                Matcher m = COUNT.matcher(line);
                if (m.matches()) {
                    Map<String, String> labels = new TreeMap<>();
                    Matcher l = LABEL.matcher(m.group(1));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                    String key = labels.getOrDefault("collection", "?") + " " + labels.getOrDefault("command", "?");
                    counts.merge(key, Double.parseDouble(m.group(2)), Double::sum);
                }
            });
        } catch (IOException e) {
            // an instance that does not answer has nothing to add
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commands per service and per "collection command", as counted at one moment. */
    record Counts(Map<Service, Map<String, Double>> byService) {

        /** What was sent between {@code earlier} and this count. */
        Counts minus(Counts earlier) {
            Map<Service, Map<String, Double>> diff = new EnumMap<>(Service.class);
            byService.forEach((service, now) -> {
                Map<String, Double> before = earlier.byService.getOrDefault(service, Map.of());
                Map<String, Double> d = new TreeMap<>();
                now.forEach((key, value) -> {
                    double delta = value - before.getOrDefault(key, 0.0);
                    if (delta > 0) {
                        d.put(key, delta);
                    }
                });
                diff.put(service, d);
            });
            return new Counts(diff);
        }

        double total() {
            return byService.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
        }

        double total(Service service) {
            return byService.getOrDefault(service, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
