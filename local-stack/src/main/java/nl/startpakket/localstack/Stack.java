package nl.startpakket.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The whole system on one machine: a Kafka broker and a MongoDB wire-protocol server in this JVM
 * (or external ones), and the services as their own JVMs, all under one data directory:
 * {@code kafka/}, {@code mongo/startpakket.mv}, {@code logs/<service>.log}.
 *
 * <pre>{@code
 * try (Stack stack = Stack.builder().dataDirectory(tempDir).randomPorts().build().start()) {
 *     ServiceProcess referral = stack.service(Service.REFERRAL);
 *     referral.kill();                                   // kill -9 mid-chain
 *     referral.start().awaitReady(Stack.READY_TIMEOUT);
 *     Map<String, Long> rss = stack.residentMemory();     // per process, bytes
 * }
 * }</pre>
 *
 * Every service gets {@code SERVER_PORT}, {@code SERVER_ADDRESS=127.0.0.1}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI} (each service picks its own database) and {@code SPRING_PROFILES_ACTIVE}
 * (default {@code demo}), the identity provider's address and this stack's client of it (the
 * demo secret; HTTP Basic for staff allowed, for curl), plus whatever
 * {@link Builder#environment(String, String)} adds.
 */
public final class Stack implements AutoCloseable {

    /** How long a service may take to become ready (4 JVMs start at once on 2 cores). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** How long a service may take to shut down gracefully before it is killed (Spring allows 20 s per phase). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(40);
    /** The local stack's client secret at its identity provider: a demo value, as the demo passwords are. */
    public static final String DEMO_CLIENT_SECRET = "local-stack-demo-secret";

    private final Builder settings;
    /** Waits on processes in parallel (the common pool has one thread on two cores). */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-stack-worker");
        thread.setDaemon(true);
        return thread;
    });

    private final Object lock = new Object();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final List<ServiceProcess> otherInstances = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private DemoMailServer mail;
    private volatile ClassDataSharing classDataSharing;
    private volatile String kafkaBootstrapServers;
    private volatile String mongoUri;
    private volatile boolean stopped;

    private Stack(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and Mongo (unless external ones are set), then the services at once,
     * and waits until all are ready. On failure, or when {@link #stop()} is called meanwhile (a
     * Ctrl+C during start), everything started is stopped again.
     */
    public Stack start() {
        try {
            Path data = settings.dataDirectory;
            Files.createDirectories(data);
            // find (and, with class-data sharing, extract) the jars while the broker starts
            ClassDataSharing cds = settings.classDataSharing == null ? null : new ClassDataSharing(settings.classDataSharing);
            classDataSharing = cds;
            Map<Service, CompletableFuture<ClassDataSharing.Launch>> launches = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                Path jar = service.jarIn(settings.jarDirectory);
                launches.put(service, cds == null
                        ? CompletableFuture.completedFuture(new ClassDataSharing.Launch(List.of(), jar))
                        : CompletableFuture.supplyAsync(() -> cds.prepare(service.module(), jar), WORKERS));
            }
            if (settings.externalKafka != null) {
                kafkaBootstrapServers = settings.externalKafka;
            } else {
                requireFree(settings.host, settings.kafkaPort, "Kafka");
                long began = System.nanoTime();
                settings.progress.accept("Kafka broker (KRaft) starting");
                KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), settings.host, settings.kafkaPort);
                settings.progress.accept(String.format(java.util.Locale.ROOT, "Kafka broker ready on %s (%.1f s)",
                        broker.bootstrapServers(), (System.nanoTime() - began) / 1e9));
                synchronized (lock) {
                    if (stopped) {
                        broker.close();
                        throw aborted();
                    }
                    kafka = broker;
                    kafkaBootstrapServers = broker.bootstrapServers();
                }
            }
            if (settings.externalMongo != null) {
                mongoUri = settings.externalMongo;
            } else {
                requireFree(settings.host, settings.mongoPort, "MongoDB");
                long began = System.nanoTime();
                MongoWireServer server = MongoWireServer.start(data.resolve("mongo").resolve("startpakket.mv"),
                        settings.host, settings.mongoPort);
                settings.progress.accept(String.format(java.util.Locale.ROOT, "MongoDB wire-protocol server ready on %s (%.1f s)",
                        server.uri(), (System.nanoTime() - began) / 1e9));
                synchronized (lock) {
                    if (stopped) {
                        server.close();
                        throw aborted();
                    }
                    mongo = server;
                    mongoUri = server.uri();
                }
            }
            startMail(data);
            Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                int port = settings.ports.get(service);
                requireFree(settings.host, port, service.module());
                ClassDataSharing.Launch launch = launches.get(service).join();
                List<String> jvmOptions = new ArrayList<>(settings.jvmOptions);
                jvmOptions.addAll(launch.jvmOptions());
                processes.put(service, ServiceProcess.javaJar(service.module(), launch.jar(), port,
                        serviceEnvironment(), data.resolve("logs").resolve(service.module() + ".log"), jvmOptions));
            }
            synchronized (lock) {
                if (stopped) {
                    throw aborted();
                }
                services.putAll(processes);
                services.values().forEach(ServiceProcess::start);
            }
            settings.progress.accept("Starting " + String.join(", ", processes.values().stream().map(ServiceProcess::name).toList()));
            long servicesBegan = System.nanoTime();
            List<CompletableFuture<ServiceProcess>> ready = processes.values().stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> {
                        ServiceProcess up = s.awaitReady(READY_TIMEOUT);
                        settings.progress.accept(String.format(java.util.Locale.ROOT, "%s ready on %s (%.1f s)", up.name(),
                                up.baseUrl(), (System.nanoTime() - servicesBegan) / 1e9));
                        return up;
                    }, WORKERS))
                    .toList();
            try {
                CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            if (cds != null) {
                List<String> modules = processes.keySet().stream().map(Service::module).toList();
                WORKERS.execute(() -> cds.buildMissingArchives(modules));
            }
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** What every service instance is started with: the broker, Mongo, the identity provider, the demo inbox. */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MONGODB_URI", mongoUri);
        env.put("SPRING_PROFILES_ACTIVE", settings.profiles);
        // only this machine can reach the services (demo credentials)
        env.put("SERVER_ADDRESS", settings.host);
        env.putAll(identityEnvironment());
        env.putAll(mailEnvironment());
        env.putAll(settings.environment);
        return env;
    }

    /**
     * Starts one more instance of {@code service} on a free port, on the same broker, Mongo and
     * identity provider as the first (its log {@code logs/<module>-<n>.log}), and waits until it is
     * ready. The instances share the service's database and consumer groups, as replicas behind a
     * load balancer do. Stopped with the stack.
     */
    public ServiceProcess startAnotherInstance(Service service) {
        ServiceProcess instance;
        synchronized (lock) {
            if (stopped || services.isEmpty()) {
                throw new IllegalStateException("The stack is not running");
            }
            int number = 2 + (int) otherInstances.stream().filter(p -> p.name().startsWith(service.module() + "-")).count();
            try {
                instance = ServiceProcess.javaJar(service.module() + "-" + number, service.jarIn(settings.jarDirectory),
                        KafkaBroker.freePort(settings.host), serviceEnvironment(),
                        settings.dataDirectory.resolve("logs").resolve(service.module() + "-" + number + ".log"), settings.jvmOptions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            otherInstances.add(instance);
            instance.start();
        }
        return instance.awaitReady(READY_TIMEOUT);
    }

    /** The instances started by {@link #startAnotherInstance(Service)}, running or not. */
    public List<ServiceProcess> otherInstances() {
        synchronized (lock) {
            return List.copyOf(otherInstances);
        }
    }

    /**
     * Where every service finds the identity provider, and what the provider knows of them: the
     * issuer, the shared client with the demo secret, the services' sign-in return addresses on
     * this stack's ports (as {@code localhost} and {@code 127.0.0.1}), and links to their pages.
     */
    private Map<String, String> identityEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARTPAKKET_IDENTITY_ISSUER", "http://localhost:" + settings.ports.get(Service.IDENTITY));
        env.put("STARTPAKKET_IDENTITY_CLIENT_SECRET", DEMO_CLIENT_SECRET);
        env.put("STARTPAKKET_IDENTITY_BASIC_CREDENTIALS", "true");
        env.put("STARTPAKKET_IDENTITY_CLIENT_SECRET_HASH", "{noop}" + DEMO_CLIENT_SECRET);
        env.put("STARTPAKKET_IDENTITY_PASSWORD_GRANT", "true");
        List<String> redirects = new ArrayList<>();
        List<String> afterLogout = new ArrayList<>();
        for (Service service : Service.values()) {
            if (service == Service.IDENTITY) {
                continue;
            }
            for (String host : List.of("localhost", "127.0.0.1")) {
                String base = "http://" + host + ":" + settings.ports.get(service);
                redirects.add(base + "/login/oauth2/code/startpakket");
                afterLogout.add(base + "/login?logout");
            }
        }
        env.put("STARTPAKKET_IDENTITY_REDIRECT_URIS", String.join(",", redirects));
        env.put("STARTPAKKET_IDENTITY_POST_LOGOUT_REDIRECT_URIS", String.join(",", afterLogout));
        env.put("STARTPAKKET_LINK_REFERRAL", "http://localhost:" + settings.ports.get(Service.REFERRAL) + "/partners");
        env.put("STARTPAKKET_LINK_FULFILMENT", "http://localhost:" + settings.ports.get(Service.FULFILMENT) + "/jobs");
        env.put("STARTPAKKET_LINK_BILLING", "http://localhost:" + settings.ports.get(Service.BILLING) + "/contracts");
        env.put("STARTPAKKET_LINK_REPORTING", "http://localhost:" + settings.ports.get(Service.REPORTING) + "/dashboard");
        return env;
    }

    /** The demo inbox (see {@link DemoMailServer}): every service's SMTP goes there. */
    private void startMail(Path data) {
        DemoMailServer server = DemoMailServer.start(settings.host, settings.smtpPort, settings.imapPort,
                data.resolve("logs").resolve("mail.log"));
        settings.progress.accept("Demo mail server ready: SMTP " + server.host() + ":" + server.smtpPort() + ", IMAP "
                + server.imapPort() + ", every message also in logs/mail.log");
        synchronized (lock) {
            if (stopped) {
                server.close();
                throw aborted();
            }
            mail = server;
        }
    }

    /** SMTP of the demo inbox; webhooks to this machine over plain http (the stack has no certificates). */
    private Map<String, String> mailEnvironment() {
        return Map.of("SPRING_MAIL_HOST", mail.host(), "SPRING_MAIL_PORT", Integer.toString(mail.smtpPort()),
                "STARTPAKKET_WEBHOOKS_ALLOW_HTTP_LOCALHOST", "true");
    }

    /** The demo inbox of this stack. */
    public DemoMailServer mail() {
        synchronized (lock) {
            if (mail == null) {
                throw new IllegalStateException("The stack was not started");
            }
            return mail;
        }
    }

    private static IllegalStateException aborted() {
        return new IllegalStateException("The stack was stopped while starting");
    }

    /**
     * Stops the in-JVM broker, waits {@code downtime}, and starts it again on the same port with
     * the same log directory (a broker restart as operations would do it). For fault tests.
     */
    public void restartKafka(Duration downtime) {
        int port;
        synchronized (lock) {
            if (kafka == null) {
                throw new IllegalStateException("The broker is external; restart it there");
            }
            port = portOf(kafka.bootstrapServers());
            kafka.close();
            kafka = null;
        }
        sleep(downtime);
        // the same port as before (a random one was chosen at start when asked for 0): clients reconnect to it
        KafkaBroker broker = KafkaBroker.start(settings.dataDirectory.resolve("kafka"), settings.host, port);
        synchronized (lock) {
            kafka = broker;
        }
    }

    /**
     * Takes the MongoDB wire-protocol server away for {@code downtime} and brings it back on the
     * same port with the same data file. For fault tests.
     */
    public void restartMongo(Duration downtime) {
        int port;
        synchronized (lock) {
            if (mongo == null) {
                throw new IllegalStateException("MongoDB is external; restart it there");
            }
            port = portOf(mongo.uri());
            mongo.close();
            mongo = null;
        }
        sleep(downtime);
        MongoWireServer server = MongoWireServer.start(settings.dataDirectory.resolve("mongo").resolve("startpakket.mv"),
                settings.host, port);
        synchronized (lock) {
            mongo = server;
        }
    }

    private static int portOf(String address) {
        String hostAndPort = address.substring(address.lastIndexOf('/') + 1);
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1).replaceAll("[^0-9].*$", ""));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The running (or stopped) process of {@code service}. */
    public ServiceProcess service(Service service) {
        ServiceProcess process;
        synchronized (lock) {
            process = services.get(service);
        }
        if (process == null) {
            throw new IllegalStateException("The stack was not started");
        }
        return process;
    }

    /** The service processes, in {@link Service} order. */
    public List<ServiceProcess> services() {
        synchronized (lock) {
            return List.copyOf(services.values());
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public Path dataDirectory() {
        return settings.dataDirectory;
    }

    /**
     * Resident memory in bytes per process: {@code local-stack} (this JVM, with the in-JVM broker
     * and Mongo server) and each service by module name.
     */
    public Map<String, Long> residentMemory() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("local-stack", ResidentMemory.ofThisProcess());
        services().forEach(s -> rss.put(s.name(), s.residentMemoryBytes()));
        return rss;
    }

    /**
     * Stops the services gracefully (in parallel), then the broker, then Mongo. Data is kept.
     * Idempotent; safe from a shutdown hook.
     */
    public void stop() {
        List<ServiceProcess> running;
        KafkaBroker broker;
        MongoWireServer server;
        DemoMailServer inbox;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            running = new ArrayList<>(services.values());
            running.addAll(otherInstances);
            broker = kafka;
            server = mongo;
            inbox = mail;
        }
        ClassDataSharing cds = classDataSharing;
        if (cds != null) {
            cds.cancel();
        }
        List<CompletableFuture<Boolean>> stopping = new ArrayList<>();
        for (ServiceProcess service : running) {
            stopping.add(CompletableFuture.supplyAsync(() -> service.stop(STOP_GRACE), WORKERS));
        }
        stopping.forEach(CompletableFuture::join);
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Deletes {@code directory} and everything in it, if it exists. */
    public static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe " + directory, e);
        }
    }

    private static void requireFree(String host, int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is in use: is another stack running?", e);
        }
    }

    /** Settings of a {@link Stack}; the defaults are the local stack's (DESIGN.md ports, {@code data/}). */
    public static final class Builder {
        private Path dataDirectory = Path.of("data");
        private String host = "127.0.0.1";
        private int kafkaPort = 9092;
        private int mongoPort = 27017;
        private int smtpPort = 3025;
        private int imapPort = 3143;
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private Path jarDirectory = Service.defaultJarDirectory();
        private List<String> jvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private String profiles = "demo";
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String externalKafka;
        private String externalMongo;
        private Path classDataSharing;
        private java.util.function.Consumer<String> progress = line -> { };

        private Builder() {
            for (Service service : Service.values()) {
                ports.put(service, service.defaultPort());
            }
        }

        /** Where Kafka, Mongo and the logs keep their files (default {@code data}). */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        /** The demo inbox's SMTP and IMAP ports (default 3025 and 3143; 0: free ones). */
        public Builder mailPorts(int smtp, int imap) {
            this.smtpPort = smtp;
            this.imapPort = imap;
            return this;
        }

        public Builder servicePort(Service service, int port) {
            ports.put(service, port);
            return this;
        }

        /** Free ports for the broker, Mongo and every service (for tests beside a running local stack). */
        public Builder randomPorts() {
            try {
                kafkaPort = 0;
                mongoPort = 0;
                smtpPort = 0;
                imapPort = 0;
                for (Service service : Service.values()) {
                    ports.put(service, KafkaBroker.freePort(host));
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where the {@code <module>-*-exec.jar}s are (default: {@link Service#defaultJarDirectory()}). */
        public Builder jarDirectory(Path directory) {
            this.jarDirectory = directory;
            return this;
        }

        /** JVM options of every service (default {@link ServiceProcess#DEFAULT_JVM_OPTIONS}). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** {@code SPRING_PROFILES_ACTIVE} of every service (default {@code demo}). */
        public Builder profiles(String profiles) {
            this.profiles = profiles;
            return this;
        }

        /** An extra environment variable for every service (e.g. {@code STARTPAKKET_EVENT_STORE_LOOK_BACK}). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Use this Kafka instead of starting a broker (null: start one). */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = blankToNull(bootstrapServers);
            return this;
        }

        /** Use this MongoDB instead of starting a wire-protocol server (null: start one). */
        public Builder externalMongo(String uri) {
            this.externalMongo = blankToNull(uri);
            return this;
        }

        /**
         * Starts services faster from extracted jars with class-data-sharing archives kept in
         * {@code cacheDirectory}: a run without archives records the classes the services load and,
         * once they are ready, writes the archives in the background at low priority; later runs
         * use them (null, the default: plain {@code java -jar}).
         */
        public Builder classDataSharing(Path cacheDirectory) {
            this.classDataSharing = cacheDirectory;
            return this;
        }

        /** Where the stack says what it is starting and what became ready (default: nowhere). */
        public Builder progress(java.util.function.Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public Stack build() {
            return new Stack(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
