package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;
import nl.startpakket.localstack.Stack;
import org.junit.jupiter.api.Test;

/**
 * The standard health endpoint tells the truth on the local stack's MongoDB wire-protocol server
 * as on a real MongoDB: 200 while every service can work, 503 naming MongoDB while it is away,
 * 200 again once it is back; and polling it writes no error to any log.
 */
class HealthIT {

    @Test
    void healthIsUpAndPollingItLogsNoErrors() throws IOException {
        Stack stack = RunningStack.get();
        Map<ServiceProcess, Long> logSizes = new LinkedHashMap<>();
        stack.services().forEach(s -> logSizes.put(s, s.logFile().toFile().length()));

        for (int poll = 0; poll < 5; poll++) {
            for (ServiceProcess service : stack.services()) {
                Api.Response health = new Api(service.baseUrl()).get("/actuator/health");
                assertThat(health.status()).as(service.name() + ": " + health).isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("UP");
                assertThat(health.json().at("/components/mongo/status").asText()).as(service.name()).isEqualTo("UP");
            }
        }
        for (Map.Entry<ServiceProcess, Long> log : logSizes.entrySet()) {
            String added = readFrom(log.getKey().logFile(), log.getValue());
            assertThat(added.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")).toList())
                    .as("what polling health wrote to " + log.getKey().name() + "'s log").isEmpty();
        }
    }

    @Test
    void healthNamesMongoDbWhileItIsAwayAndRecoversWhenItIsBack() {
        Stack stack = RunningStack.get();
        List<ServiceProcess> services = stack.services();
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> stack.restartMongo(Duration.ofSeconds(12)));

        // all services asked at once: each answers within its ping's three seconds while MongoDB is away
        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Api.Response health : healthOf(services)) {
                assertThat(health.status()).as(health.toString()).isEqualTo(503);
                JsonNode body = health.json();
                assertThat(body.at("/components/mongo/status").asText()).as(health.toString()).isEqualTo("DOWN");
            }
        });
        outage.join();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Api.Response health : healthOf(services)) {
                assertThat(health.status()).as(health.toString()).isEqualTo(200);
            }
        });
        assertThat(services).extracting(ServiceProcess::name).contains(Service.REFERRAL.module(), Service.IDENTITY.module());
    }

    private static List<Api.Response> healthOf(List<ServiceProcess> services) {
        // one thread per service (the common pool has a single thread on two cores)
        java.util.concurrent.ExecutorService askers = java.util.concurrent.Executors.newFixedThreadPool(services.size());
        try {
            List<CompletableFuture<Api.Response>> asked = services.stream()
                    .map(service -> CompletableFuture.supplyAsync(() -> new Api(service.baseUrl()).get("/actuator/health"), askers))
                    .toList();
            return asked.stream().map(CompletableFuture::join).toList();
        } finally {
            askers.shutdown();
        }
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] added = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }
}
