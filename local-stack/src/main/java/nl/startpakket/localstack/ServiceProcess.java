package nl.startpakket.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as its own operating-system process (normally {@code java -jar <service>-exec.jar}),
 * its output appended to a log file. It can be started, awaited until
 * {@code /actuator/health/readiness} answers UP, stopped gracefully (SIGTERM, then SIGKILL after a
 * grace period), killed at once (SIGKILL, as {@code kill -9}) and started again with the same
 * port and environment.
 *
 * <pre>{@code
 * ServiceProcess billing = ServiceProcess.javaJar("billing-service", jar, 8083,
 *         Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), Path.of("data/logs/billing-service.log"),
 *         ServiceProcess.DEFAULT_JVM_OPTIONS);
 * billing.start().awaitReady(Duration.ofSeconds(90));
 * billing.kill();                                   // kill -9
 * billing.start().awaitReady(Duration.ofSeconds(90));
 * long rss = billing.residentMemoryBytes();
 * billing.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public final class ServiceProcess {

    /**
     * The JVM options of a service in the local stack, chosen for a small machine: a 256 MB heap
     * that starts at 32 MB (so resident memory follows the live set), the serial collector, and
     * only the C1 compiler (four JVMs start at once on two cores: about 40% faster to ready and
     * 50 MB less per JVM; peak throughput is lower, so benchmarks may want
     * {@link #THROUGHPUT_JVM_OPTIONS}).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** As {@link #DEFAULT_JVM_OPTIONS} but with the optimising C2 compiler (slower start, faster under load). */
    public static final List<String> THROUGHPUT_JVM_OPTIONS = List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC");

    /** The readiness endpoint (Spring Boot actuator probes). */
    public static final String READINESS_PATH = "/actuator/health/readiness";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    /**
     * A process that runs {@code command} with {@code environment} added to this JVM's environment,
     * and serves readiness on {@code 127.0.0.1:port}.
     */
    public ServiceProcess(String name, List<String> command, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.environment = Map.copyOf(new LinkedHashMap<>(environment));
        this.logFile = logFile;
    }

    /**
     * {@code java <jvmOptions> -jar <jar>} with this JVM's {@code java}, and {@code SERVER_PORT=port}
     * added to {@code environment}.
     */
    public static ServiceProcess javaJar(String name, Path jar, int port, Map<String, String> environment,
                                         Path logFile, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(name, command, port, env, logFile);
    }

    /** The {@code java} launcher of the JVM running this code. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the process (its output appended to the log file). Fails if it is already running. */
    public synchronized ServiceProcess start() {
        return start(Map.of());
    }

    /**
     * Starts the process with {@code overrides} added to its environment for this run only (a
     * fault or calendar test restarting one service differently).
     */
    public synchronized ServiceProcess start(Map<String, String> overrides) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, System.lineSeparator() + "=== " + name + " starting at " + Instant.now()
                            + " ===" + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            builder.environment().putAll(overrides);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Waits until readiness answers UP. Throws, with the end of the log, if the process exits or
     * the timeout passes first.
     */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited"
                        + (current == null ? "" : " with code " + current.exitValue())
                        + " before it was ready. End of " + logFile + ":\n" + logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + ". End of " + logFile
                        + ":\n" + logTail(40));
            }
            KafkaBroker.sleep(200);
        }
        return this;
    }

    /** One probe: does {@code /actuator/health/readiness} answer 200 with status UP? */
    public boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + READINESS_PATH))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the process to stop (SIGTERM: Spring's graceful shutdown) and waits up to {@code grace};
     * after that it is killed. Returns true if it stopped by itself (or was not running).
     */
    public synchronized boolean stop(Duration grace) {
        if (!isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return false;
    }

    /** Kills the process at once (SIGKILL, like {@code kill -9}) and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops gracefully, starts again with the same port and environment, and waits until ready. */
    public ServiceProcess restart(Duration grace, Duration readyTimeout) {
        stop(grace);
        return start().awaitReady(readyTimeout);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating-system process id; fails if never started. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** Resident memory (VmRSS) in bytes; 0 when not running. */
    public long residentMemoryBytes() {
        return isAlive() ? ResidentMemory.ofProcess(process.pid()) : 0;
    }

    /** CPU time (user and system) this process has used so far; zero when not running. */
    public Duration cpuTime() {
        return isAlive() ? process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO) : Duration.ZERO;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the log file. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + process.pid() + ", port " + port + ")" : " (stopped, port " + port + ")");
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
