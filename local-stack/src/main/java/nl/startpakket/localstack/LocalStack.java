package nl.startpakket.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--reset]}: the whole system with demo data
 * on this machine, until Ctrl+C.
 *
 * <p>Environment: {@code STARTPAKKET_DATA} (default {@code data}), {@code LOCAL_STACK_KAFKA_PORT}
 * (9092), {@code LOCAL_STACK_MONGO_PORT} (27017); {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code MONGODB_URI} use a real Kafka or MongoDB instead of the built-in ones;
 * {@code LOCAL_STACK_JAVA_OPTS} replaces the services' JVM options.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(env("STARTPAKKET_DATA", "data"));
        System.setProperty("startpakket.logs", data.resolve("logs").toAbsolutePath().toString());
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        PrintStream out = System.out;

        boolean reset = false;
        for (String arg : args) {
            switch (arg) {
                case "--reset" -> reset = true;
                case "--help", "-h" -> {
                    out.println("Usage: java -jar local-stack/target/local-stack.jar [--reset]");
                    out.println("  --reset  wipe " + data + "/ (Kafka, MongoDB, logs) before starting");
                    return;
                }
                default -> {
                    System.err.println("Unknown argument " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (reset) {
            Stack.wipe(data);
            out.println("Wiped " + data.toAbsolutePath());
        }

        Stack.Builder builder = Stack.builder()
                .dataDirectory(data)
                .kafkaPort(Integer.parseInt(env("LOCAL_STACK_KAFKA_PORT", "9092")))
                .mongoPort(Integer.parseInt(env("LOCAL_STACK_MONGO_PORT", "27017")))
                .externalKafka(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))
                .externalMongo(System.getenv("MONGODB_URI"));
        String javaOpts = System.getenv("LOCAL_STACK_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            builder.jvmOptions(java.util.List.of(javaOpts.trim().split("\\s+")));
        }
        Stack stack = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println();
            out.println("Stopping: services (gracefully), then Kafka and MongoDB. Data is kept in " + data + "/.");
            long begin = System.nanoTime();
            stack.stop();
            out.printf(Locale.ROOT, "Stopped in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
            stopped.countDown();
        }, "local-stack-stop"));

        out.println("Starting Startpakket: Kafka (KRaft), MongoDB wire-protocol server, 4 services. Logs: "
                + data.resolve("logs") + "/");
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                System.err.println("The stack did not start: " + e.getMessage());
                System.exit(1);
            }
            stopped.await();
            return;
        }
        Duration coldStart = Duration.between(ProcessHandle.current().info().startInstant().orElse(Instant.now()),
                Instant.now());
        printBanner(out, stack, data, coldStart);
        stopped.await();
    }

    private static void printBanner(PrintStream out, Stack stack, Path data, Duration coldStart) {
        Map<String, Long> rss = stack.residentMemory();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf(Locale.ROOT, "Startpakket is ready in %.1f s (from JVM start).%n", coldStart.toMillis() / 1000.0);
        out.println();
        out.println("  referral    " + stack.service(Service.REFERRAL).baseUrl()
                + "   partners: Authorization: Bearer demo-verloskundige-huizen | demo-consultatiebureau-huizen | demo-gemeente-heerlen");
        out.println("  fulfilment  " + stack.service(Service.FULFILMENT).baseUrl());
        out.println("  billing     " + stack.service(Service.BILLING).baseUrl());
        out.println("  reporting   " + stack.service(Service.REPORTING).baseUrl());
        out.println("  staff (HTTP Basic, password = user name): coordinator, volunteer, volunteer2, finance,");
        out.println("        evaluator-huizen (GM0406), evaluator-heerlen (GM0917)");
        out.println("  Kafka       " + stack.kafkaBootstrapServers() + "   MongoDB " + stack.mongoUri());
        out.println("  logs        " + data.resolve("logs") + "/<service>.log, " + data.resolve("logs") + "/local-stack.log");
        out.println("  data        " + data + "/ (kept across restarts; --reset wipes it)");
        StringBuilder memory = new StringBuilder("  memory      ");
        rss.forEach((name, bytes) -> memory.append(name).append(' ').append(ResidentMemory.format(bytes)).append(", "));
        memory.append("total ").append(ResidentMemory.format(total)).append(" resident");
        out.println(memory);
        out.println();
        out.println("Ctrl+C stops the stack.");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
