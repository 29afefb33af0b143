package nl.startpakket.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.startpakket.localstack.ResidentMemory;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;

/**
 * The stack under test, run by a {@link StackHost} JVM (broker, Mongo server, services as its
 * children) and driven from this JVM: ports and process ids, kill and start of a service, resident
 * memory and CPU time of every process of the stack.
 */
final class HostedStack implements AutoCloseable {

    /** The JVM options of the local stack's infrastructure JVM (LocalStack's defaults). */
    static final List<String> HOST_JVM_OPTIONS = List.of("-Xmx512m", "-Xms32m", "-XX:+UseSerialGC");

    private final Process host;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Long> pids = java.util.Collections.synchronizedMap(new EnumMap<>(Service.class));
    /** Further instances ({@link #startSecondInstances}): each service's base URLs after its first, and their pids by name. */
    private final Map<Service, List<Integer>> otherPorts = java.util.Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<String, Long> otherPids = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Object commandLock = new Object();
    private final Path dataDirectory;
    private final Duration coldStart;
    private String kafkaBootstrapServers;
    private String mongoUri;

    private HostedStack(Process host, Path dataDirectory, long startedAt, Path hostLog) throws IOException {
        this.host = host;
        this.dataDirectory = dataDirectory;
        this.commands = new PrintWriter(host.getOutputStream(), true, StandardCharsets.UTF_8);
        Writer log = Files.newBufferedWriter(hostLog, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = log) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(StackHost.MARK)) {
                        answers.add(line.substring(StackHost.MARK.length()));
                    } else {
                        out.write(line);
                        out.write(System.lineSeparator());
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // the host ended
            }
            answers.add("error the stack host ended");
        }, "stack-host-output");
        reader.setDaemon(true);
        reader.start();
        String ready = await(READY_TIMEOUT);
        this.coldStart = Duration.ofNanos(System.nanoTime() - startedAt);
        if (!ready.startsWith("ready ")) {
            host.destroyForcibly();
            throw new IllegalStateException("The stack did not start: " + ready + " (see " + hostLog + " and "
                    + dataDirectory.resolve("logs") + ")");
        }
        for (String part : ready.substring("ready ".length()).split(" ")) {
            String[] kv = part.split("=", 2);
            switch (kv[0]) {
                case "kafka" -> kafkaBootstrapServers = kv[1];
                case "mongo" -> mongoUri = kv[1];
                default -> {
                    Service service = Service.valueOf(kv[0]);
                    String[] portPid = kv[1].split(":");
                    ports.put(service, Integer.parseInt(portPid[0]));
                    pids.put(service, Long.parseLong(portPid[1]));
                }
            }
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Starts a stack host on free ports with a fresh data directory and waits until all four services
     * are ready; the time from launching the host JVM until then is {@link #coldStart()}.
     */
    static HostedStack start(Path dataDirectory, Path serviceJars, List<String> serviceJvmOptions,
                             Map<String, String> serviceEnvironment) {
        try {
            Files.createDirectories(dataDirectory.resolve("logs"));
            List<String> command = new ArrayList<>();
            command.add(ServiceProcess.javaExecutable());
            command.addAll(HOST_JVM_OPTIONS);
            command.add("-Dlogback.configurationFile=local-stack-logback.xml");
            command.add("-Dstartpakket.logs=" + dataDirectory.resolve("logs").toAbsolutePath());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(StackHost.class.getName());
            command.add("--data");
            command.add(dataDirectory.toAbsolutePath().toString());
            command.add("--jars");
            command.add(serviceJars.toAbsolutePath().toString());
            command.add("--jvm-options");
            command.add(String.join(" ", serviceJvmOptions));
            serviceEnvironment.forEach((k, v) -> {
                command.add("--env");
                command.add(k + "=" + v);
            });
            long startedAt = System.nanoTime();
            Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
            HostedStack stack = new HostedStack(host, dataDirectory, startedAt, dataDirectory.resolve("logs").resolve("stack-host.out"));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::destroy, "hosted-stack-stop"));
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration coldStart() {
        return coldStart;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    String mongoUri() {
        return mongoUri;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String baseUrl(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Every running instance of the service: the first, then those {@link #startSecondInstances} added. */
    List<String> baseUrls(Service service) {
        List<String> urls = new ArrayList<>();
        urls.add(baseUrl(service));
        otherPorts.getOrDefault(service, List.of()).forEach(port -> urls.add("http://127.0.0.1:" + port));
        return urls;
    }

    /** Starts a second instance of each of the services (in parallel) and waits until they are ready. */
    void startSecondInstances(Service... services) {
        String answer = command("another " + String.join(",", java.util.Arrays.stream(services).map(Service::name).toList()),
                Duration.ofMinutes(5));
        for (String part : answer.substring("ok ".length()).trim().split(" ")) {
            String[] kv = part.split("=", 2);
            Service service = Service.valueOf(kv[0]);
            String[] portPid = kv[1].split(":");
            List<Integer> ports = otherPorts.computeIfAbsent(service, s -> new java.util.concurrent.CopyOnWriteArrayList<>());
            ports.add(Integer.parseInt(portPid[0]));
            otherPids.put(service.module() + "-" + (ports.size() + 1), Long.parseLong(portPid[1]));
        }
    }

    long hostPid() {
        return host.pid();
    }

    long pid(Service service) {
        return pids.get(service);
    }

    /** The host (broker and Mongo server) and the four services. */
    List<Long> allPids() {
        List<Long> all = new ArrayList<>();
        all.add(host.pid());
        synchronized (pids) {
            all.addAll(pids.values());
        }
        synchronized (otherPids) {
            all.addAll(otherPids.values());
        }
        return all;
    }

    /** Resident memory per process, in bytes: {@code infrastructure} (broker + Mongo) and each service. */
    Map<String, Long> residentMemory() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("infrastructure (Kafka + Mongo)", ResidentMemory.ofProcess(host.pid()));
        Map<Service, Long> now;
        synchronized (pids) {
            now = new EnumMap<>(pids);
        }
        now.forEach((service, pid) -> rss.put(service.module(), ResidentMemory.ofProcess(pid)));
        otherInstancePids().forEach((name, pid) -> rss.put(name, ResidentMemory.ofProcess(pid)));
        return rss;
    }

    long cpuMillis() {
        return Machine.cpuMillis(allPids());
    }

    /** CPU time per process in milliseconds: {@code infrastructure} and each service. */
    Map<String, Long> cpuMillisPerProcess() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("infrastructure (Kafka + Mongo)", Machine.cpuMillis(host.pid()));
        Map<Service, Long> now;
        synchronized (pids) {
            now = new EnumMap<>(pids);
        }
        now.forEach((service, pid) -> cpu.put(service.module(), Machine.cpuMillis(pid)));
        otherInstancePids().forEach((name, pid) -> cpu.put(name, Machine.cpuMillis(pid)));
        return cpu;
    }

    private Map<String, Long> otherInstancePids() {
        synchronized (otherPids) {
            return new LinkedHashMap<>(otherPids);
        }
    }

    /** {@code kill -9} of the service. */
    void kill(Service service) {
        command("kill " + service.name(), Duration.ofSeconds(60));
    }

    /** Graceful stop (SIGTERM), of several services in parallel. */
    void stop(Service... services) {
        command("stop " + String.join(",", java.util.Arrays.stream(services).map(Service::name).toList()), Duration.ofSeconds(90));
    }

    /** Starts the service again and waits until it is ready. */
    void start(Service service) {
        String answer = command("start " + service.name(), Duration.ofMinutes(5));
        pids.put(service, Long.parseLong(answer.substring("ok ".length()).trim()));
    }

    private String command(String command, Duration timeout) {
        synchronized (commandLock) {
            answers.clear();
            commands.println(command);
            String answer = await(timeout);
            if (!answer.startsWith("ok")) {
                throw new IllegalStateException(command + ": " + answer);
            }
            return answer;
        }
    }

    private String await(Duration timeout) {
        try {
            String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return answer == null ? "error no answer within " + timeout : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error interrupted";
        }
    }

    /** Stops the services gracefully, then the broker and Mongo; waits for the host to end. */
    @Override
    public void close() {
        if (!host.isAlive()) {
            return;
        }
        commands.println("shutdown");
        try {
            if (!host.waitFor(2, TimeUnit.MINUTES)) {
                destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
        }
    }

    private void destroy() {
        if (host.isAlive()) {
            host.destroy(); // SIGTERM: the host's shutdown hook stops the stack
            try {
                if (!host.waitFor(90, TimeUnit.SECONDS)) {
                    host.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                host.destroyForcibly();
            }
        }
        // never leave a service behind: they are the host's children, not ours
        List<Long> services;
        synchronized (pids) {
            services = List.copyOf(pids.values());
        }
        services.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        otherInstancePids().values().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
