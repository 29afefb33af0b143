package nl.startpakket.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--reset]}: the whole system with demo data
 * on this machine, until Ctrl+C.
 *
 * <p>The JVM started by {@code java -jar} only starts a second one with options for a small
 * machine ({@code LOCAL_STACK_INFRA_OPTS}, default {@value #INFRA_OPTS}) that runs the broker and
 * Mongo and launches the services, and passes signals on. Environment: {@code STARTPAKKET_DATA}
 * (default {@code data}), {@code LOCAL_STACK_KAFKA_PORT} (9092), {@code LOCAL_STACK_MONGO_PORT}
 * (27017), {@code LOCAL_STACK_SMTP_PORT} (3025) and {@code LOCAL_STACK_IMAP_PORT} (3143) of the demo
 * inbox; {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} use a real Kafka or MongoDB
 * instead of the built-in ones; {@code LOCAL_STACK_SERVICE_OPTS} replaces the services' JVM
 * options ({@link ServiceProcess#DEFAULT_JVM_OPTIONS}); {@code LOCAL_STACK_CDS=false} starts them
 * without class-data sharing (see {@link Stack.Builder#classDataSharing(Path)}, cache in
 * {@code local-stack/target/cds}); {@code LOCAL_STACK_FORK=false} runs everything in the first JVM.
 */
public final class LocalStack {

    static final String INFRA_OPTS = "-Xmx512m -Xms32m -XX:+UseSerialGC";
    private static final String STARTED_AT = "local-stack.started-at";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(STARTED_AT) == null && !"false".equalsIgnoreCase(System.getenv("LOCAL_STACK_FORK"))) {
            System.exit(relaunch(args));
        }
        run(args);
    }

    /** Runs this class again in a JVM with small-machine options; returns its exit code. */
    private static int relaunch(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(List.of(env("LOCAL_STACK_INFRA_OPTS", INFRA_OPTS).trim().split("\\s+")));
        command.add("-D" + STARTED_AT + "=" + ProcessHandle.current().info().startInstant().orElse(Instant.now()).toEpochMilli());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalStack.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the child stops the services gracefully, then Kafka and Mongo
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "local-stack-forward-stop"));
        return child.waitFor();
    }

    private static void run(String[] args) throws InterruptedException {
        Instant startedAt = System.getProperty(STARTED_AT) != null
                ? Instant.ofEpochMilli(Long.parseLong(System.getProperty(STARTED_AT)))
                : ProcessHandle.current().info().startInstant().orElse(Instant.now());
        // the first JVM killed outright: stop too, rather than leave the stack running unseen
        ProcessHandle.current().parent().filter(parent -> System.getProperty(STARTED_AT) != null)
                .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
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
                .mailPorts(Integer.parseInt(env("LOCAL_STACK_SMTP_PORT", "3025")), Integer.parseInt(env("LOCAL_STACK_IMAP_PORT", "3143")))
                .externalKafka(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))
                .externalMongo(System.getenv("MONGODB_URI"))
                .progress(line -> out.println("  " + line));
        if (!"false".equalsIgnoreCase(System.getenv("LOCAL_STACK_CDS"))) {
            // beside the jars it is derived from (target/cds: a clean build drops both; --reset keeps it)
            Path jars = Service.defaultJarDirectory();
            builder.classDataSharing(jars.getFileName() != null && jars.getFileName().toString().equals("services")
                    ? jars.resolveSibling("cds") : data.resolve("cds"));
        }
        String serviceOpts = System.getenv("LOCAL_STACK_SERVICE_OPTS");
        if (serviceOpts != null && !serviceOpts.isBlank()) {
            builder.jvmOptions(List.of(serviceOpts.trim().split("\\s+")));
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

        out.println("Starting Startpakket: Kafka (KRaft), MongoDB wire-protocol server, 4 services and the identity provider. Logs: "
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
        Duration coldStart = Duration.between(startedAt, Instant.now());
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        for (ServiceProcess service : stack.services()) {
            cpu = cpu.plus(service.cpuTime());
        }
        if (System.getProperty(STARTED_AT) != null) {
            cpu = cpu.plus(ProcessHandle.current().parent().flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO));
        }
        printBanner(out, stack, data, coldStart, cpu);
        stopped.await();
    }

    private static void printBanner(PrintStream out, Stack stack, Path data, Duration coldStart, Duration cpu) {
        Map<String, Long> rss = new LinkedHashMap<>();
        ProcessHandle.current().parent().filter(parent -> System.getProperty(STARTED_AT) != null)
                .ifPresent(parent -> rss.put("launcher", ResidentMemory.ofProcess(parent.pid())));
        rss.putAll(stack.residentMemory());
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf(Locale.ROOT, "Startpakket is ready in %.1f s (from JVM start; %.1f s CPU on %d cores).%n",
                coldStart.toMillis() / 1000.0, cpu.toMillis() / 1000.0, Runtime.getRuntime().availableProcessors());
        out.println();
        out.println("  referral    " + stack.service(Service.REFERRAL).baseUrl()
                + "   partners: Authorization: Bearer demo-verloskundige-huizen | demo-consultatiebureau-huizen | demo-gemeente-heerlen");
        out.println("  fulfilment  " + stack.service(Service.FULFILMENT).baseUrl());
        out.println("  billing     " + stack.service(Service.BILLING).baseUrl());
        out.println("  reporting   " + stack.service(Service.REPORTING).baseUrl());
        out.println("  identity    http://localhost:" + stack.service(Service.IDENTITY).port()
                + "/accounts   (OpenID Connect provider, staff accounts; its issuer address)");
        out.println("  staff (password = user name; pages sign in at identity, the API takes its tokens or HTTP Basic):");
        out.println("        coordinator, volunteer, volunteer2, finance, evaluator-huizen (GM0406), evaluator-heerlen (GM0917)");
        out.println("  Kafka       " + stack.kafkaBootstrapServers() + "   MongoDB " + stack.mongoUri());
        out.println("  logs        " + data.resolve("logs") + "/<service>.log, " + data.resolve("logs") + "/local-stack.log");
        out.println("  mail        SMTP " + stack.mail().host() + ":" + stack.mail().smtpPort() + ", inbox " + data.resolve("logs")
                + "/mail.log or IMAP :" + stack.mail().imapPort() + " (user and password = the address)");
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
