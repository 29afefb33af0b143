package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ServiceProcess service;

    @AfterEach
    void killLeftovers() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void shouldStartAwaitReadinessAndReportResidentMemory() throws Exception {
        service = fake(Map.of()).start().awaitReady(READY);

        assertThat(service.isAlive()).isTrue();
        assertThat(service.isReady()).isTrue();
        assertThat(service.residentMemoryBytes()).isGreaterThan(1024 * 1024);
        assertThat(ResidentMemory.ofProcess(service.pid())).isPositive();
        assertThat(Files.readString(service.logFile())).contains("listening on " + service.port());
    }

    @Test
    void shouldStopGracefullyOnSigterm() throws Exception {
        service = fake(Map.of()).start().awaitReady(READY);

        assertThat(service.stop(Duration.ofSeconds(20))).isTrue();

        assertThat(service.isAlive()).isFalse();
        assertThat(service.residentMemoryBytes()).isZero();
        assertThat(Files.readString(service.logFile())).contains("stopped gracefully");
    }

    @Test
    void shouldKillAtOnceAndStartAgainOnTheSamePort() throws Exception {
        service = fake(Map.of()).start().awaitReady(READY);
        long firstPid = service.pid();

        service.kill();
        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(service.logFile())).doesNotContain("stopped gracefully");

        service.start().awaitReady(READY);
        assertThat(service.pid()).isNotEqualTo(firstPid);
        assertThat(service.isReady()).isTrue();

        service.restart(Duration.ofSeconds(20), READY);
        assertThat(Files.readString(service.logFile())).contains("stopped gracefully");
    }

    @Test
    void shouldFailWithTheEndOfTheLogWhenTheProcessExitsBeforeItIsReady() {
        service = fake(Map.of("FAIL", "no broker")).start();

        assertThatThrownBy(() -> service.awaitReady(READY))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("boom: no broker");
    }

    private ServiceProcess fake(Map<String, String> extraEnv) {
        int port;
        String testClasses;
        try {
            port = KafkaBroker.freePort("127.0.0.1");
            testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess("fake-service",
                List.of(ServiceProcess.javaExecutable(), "-Xmx32m", "-XX:+UseSerialGC",
                        "-cp", testClasses, FakeService.class.getName()),
                port, env, dir.resolve("logs").resolve("fake-service.log"));
    }
}
