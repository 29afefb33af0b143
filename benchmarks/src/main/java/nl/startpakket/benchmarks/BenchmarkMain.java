package nl.startpakket.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.startpakket.localstack.ResidentMemory;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;
import nl.startpakket.localstack.Stack;
import org.HdrHistogram.Histogram;
import org.bson.Document;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick]}: every figure of issue 8 beside its
 * raw baseline, measured in one run on this machine, printed and written to
 * {@code docs/benchmarks.md} (quick runs: {@code benchmarks/target/benchmarks-quick.md}).
 *
 * <pre>
 * --quick                 tiny amounts, one stack-level repeat (a CI smoke run, under 2 minutes)
 * --output FILE           where to write the Markdown (figures replace the generated part only)
 * --jvm default|throughput  the services' JVM options: the local stack's (C1 only) or with C2
 * --env NAME=VALUE        an extra environment variable for every service (tuning experiments)
 * --only B1,B2,...        only these groups (F, B1, B2, B4, B5, B6, B7, B8, B9)
 * --max-load X            wait until the 1-minute load average is below X before starting
 * --max-wait-minutes N    but not longer than N minutes (then run anyway, noted in the report)
 * --service-jvm-extra "OPTS"  more JVM options for the services (e.g. a flight recording)
 * --keep-data             keep the stack's data directory (logs, recordings) after the run
 * --pipeline-seconds N    how long each B5 run posts (default 60, quick 6)
 * --rebuild-events N      how many events B7 puts on the topics (default 1,000,000, quick 5,000)
 * --history-rows N        how many rows the history file of B9 has (default 10,000, quick 500)
 * --profile DIR           flight recordings (JFR) of every stack process during B5 and B7 into DIR
 * --instances 2           two instances of each service of the chain (referral, fulfilment, billing,
 *                         reporting) after the cold starts; the partner clients post to both referral
 *                         instances in turn; CPU, memory and MongoDB commands count every instance
 * </pre>
 */
public final class BenchmarkMain {

    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private final Settings settings;
    private final Report report;
    private final Options options;
    private HostedStack stack;
    private MongoClient mongo;
    private Visibility visibility;
    private Pipeline pipeline;

    record Options(boolean quick, Path output, List<String> serviceJvmOptions, String jvmName,
                   Map<String, String> environment, Set<String> only, double maxLoad, String commandLine, boolean keepData, Path profile, Duration pipeline, Integer rebuildEvents, Duration maxWait,
                   Integer historyRows, int instances) {
        boolean runs(String group) {
            return only.isEmpty() || only.contains(group);
        }
    }

    private BenchmarkMain(Options options) {
        this.options = options;
        Settings chosen = options.quick() ? Settings.quick() : Settings.full();
        Settings withPipeline = options.pipeline() == null ? chosen : chosen.withPipelineDuration(options.pipeline());
        Settings withRebuild = options.rebuildEvents() == null ? withPipeline : withPipeline.withRebuildEvents(options.rebuildEvents());
        this.settings = options.historyRows() == null ? withRebuild : withRebuild.withHistoricRows(options.historyRows());
        this.report = new Report(OUT);
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        int code = new BenchmarkMain(options).run();
        System.exit(code);
    }

    static Options parse(String[] args) {
        boolean quick = false;
        Path output = null;
        List<String> jvm = ServiceProcess.DEFAULT_JVM_OPTIONS;
        String jvmName = "default";
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> only = new java.util.LinkedHashSet<>();
        double maxLoad = Double.NaN;
        List<String> extra = new ArrayList<>();
        boolean keep = false;
        Path profile = null;
        Duration pipelineDuration = null;
        Integer rebuildEvents = null;
        Integer historyRows = null;
        Duration maxWait = Duration.ofHours(12);
        int instances = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--output" -> output = Path.of(args[++i]);
                case "--jvm" -> {
                    jvmName = args[++i];
                    jvm = switch (jvmName) {
                        case "default" -> ServiceProcess.DEFAULT_JVM_OPTIONS;
                        case "throughput" -> ServiceProcess.THROUGHPUT_JVM_OPTIONS;
                        default -> throw new IllegalArgumentException("--jvm default|throughput");
                    };
                }
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    env.put(kv[0], kv[1]);
                }
                case "--only" -> only.addAll(List.of(args[++i].toUpperCase(Locale.ROOT).split(",")));
                case "--max-load" -> maxLoad = Double.parseDouble(args[++i]);
                case "--max-wait-minutes" -> maxWait = Duration.ofMinutes(Long.parseLong(args[++i]));
                case "--service-jvm-extra" -> extra.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--keep-data" -> keep = true;
                case "--profile" -> profile = Path.of(args[++i]);
                case "--pipeline-seconds" -> pipelineDuration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rebuild-events" -> rebuildEvents = Integer.parseInt(args[++i]);
                case "--history-rows" -> historyRows = Integer.parseInt(args[++i]);
                case "--instances" -> {
                    instances = Integer.parseInt(args[++i]);
                    if (instances < 1 || instances > 2) {
                        throw new IllegalArgumentException("--instances 1|2");
                    }
                }
                case "--help", "-h" -> {
                    OUT.println("Usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--output FILE] "
                            + "[--jvm default|throughput] [--env NAME=VALUE]... [--only F,B1,B2,B4,B5,B6,B7,B8,B9] [--max-load X]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + " (try --help)");
            }
        }
        if (output == null) {
            output = quick ? Path.of("benchmarks", "target", "benchmarks-quick.md") : Path.of("docs", "benchmarks.md");
        }
        // the binder's sync flag and acks are read as the running services resolved them (/actuator/env)
        env.putIfAbsent("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,metrics,env");
        // the load comes from one demo partner key: its rate limit (a partner's policy, 120/min) would measure the
        // limit instead of the chain, so the benchmark lifts it (shown under "Extra service environment")
        env.putIfAbsent("STARTPAKKET_RATE_LIMIT_CAPACITY", "100000000");
        env.putIfAbsent("STARTPAKKET_RATE_LIMIT_REFILL_TOKENS", "100000000");
        env.putIfAbsent("MANAGEMENT_ENDPOINT_ENV_SHOW_VALUES", "WHEN_AUTHORIZED");
        String command = "java -jar benchmarks/target/benchmarks.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
        if (!extra.isEmpty()) {
            List<String> all = new ArrayList<>(jvm);
            all.addAll(extra);
            jvm = List.copyOf(all);
            jvmName += " + extra";
        }
        return new Options(quick, output, jvm, jvmName, env, only, maxLoad, command, keep, profile, pipelineDuration, rebuildEvents, maxWait,
                historyRows, instances);
    }

    private int run() throws Exception {
        waitForQuietMachine();
        long runBegin = System.nanoTime();
        header();
        Path root = Files.createTempDirectory("startpakket-bench-");
        try {
            coldStarts(root);
            mongo = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(stack.mongoUri()))
                    .applyToConnectionPoolSettings(p -> p.maxSize(64))
                    .build());
            visibility = new Visibility(mongo, Duration.ofMillis(10), 400);
            if (options.instances() == 2) {
                OUT.println("  starting a second instance of referral, fulfilment, billing and reporting");
                stack.startSecondInstances(Service.REFERRAL, Service.FULFILMENT, Service.BILLING, Service.REPORTING);
            }
            pipeline = new Pipeline(stack, new ReferralClient(stack.baseUrls(Service.REFERRAL)), visibility);
            step("B1", this::rawKafka);
            step("B2", this::rawMongo);
            step("B4", this::axon);
            boolean pipelineWarm = false;
            if (options.runs("B5") || options.runs("B6") || options.runs("B8") || options.runs("F")) {
                pipelineWarm = step("warm-up", this::warmUp);
            }
            if (pipelineWarm) {
                step("B5", this::saturation);
                step("producer settings", this::producerSettings);
                step("B6", this::latency);
                step("B8", this::recovery);
            }
            step("B9", this::historicImport);
            step("B7", this::rebuild);
        } finally {
            if (visibility != null) {
                visibility.close();
            }
            if (mongo != null) {
                mongo.close();
            }
            if (stack != null) {
                stack.close();
            }
            if (options.keepData()) {
                OUT.println("Data (logs, Kafka, Mongo) kept in " + root);
            } else {
                Stack.wipe(root);
            }
        }
        targets();
        report.header("Duration of this run", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - runBegin) / 60e9));
        report.header("Load average at the end (1, 5, 15 min)", Machine.loadAverageText());
        report.write(options.output(), "Benchmarks");
        OUT.println();
        OUT.println("Figures written to " + options.output().toAbsolutePath());
        List<Figure> missing = report.missing();
        if (!missing.isEmpty()) {
            OUT.println("Not measured: " + missing.stream().map(Figure::id).toList());
            return 3;
        }
        return 0;
    }

    private void waitForQuietMachine() {
        if (Double.isNaN(options.maxLoad())) {
            return;
        }
        long deadline = System.nanoTime() + options.maxWait().toNanos();
        while (Machine.loadAverage()[0] >= options.maxLoad()) {
            if (System.nanoTime() > deadline) {
                String text = "The 1-minute load average did not fall below " + options.maxLoad() + " within "
                        + options.maxWait().toMinutes() + " minutes of waiting (other work on the machine): the run went "
                        + "ahead, and its figures include that contention (the raw baselines of the same run too).";
                OUT.println(text);
                report.note("Conditions", text);
                return;
            }
            OUT.println("Load average " + Machine.loadAverageText() + " is not below " + options.maxLoad() + ": waiting a minute");
            Visibility.sleep(Duration.ofMinutes(1));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private boolean step(String name, Step step) {
        String group = name.split(" ")[0];
        if (!name.equals("warm-up") && !name.equals("producer settings") && !options.runs(group)) {
            return false;
        }
        OUT.println();
        OUT.println("== " + name);
        long begin = System.nanoTime();
        try {
            step.run();
            OUT.printf(Locale.ROOT, "   (%s took %.0f s)%n", name, (System.nanoTime() - begin) / 1e9);
            return true;
        } catch (Exception | AssertionError e) {
            e.printStackTrace(OUT);
            report.note("Failures", name + " failed: " + e);
            return false;
        } finally {
            report.write(options.output(), "Benchmarks"); // what is measured so far survives a crash later on
        }
    }

    private void header() {
        report.header("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.header("Command", "`./mvnw -q -B -DskipTests package && " + options.commandLine() + "`");
        report.header("Mode", settings.mode() + " (figures repeated " + settings.repeats() + "×, stack-level figures "
                + settings.stackRepeats() + "×, medians reported)");
        report.header("Machine", Machine.cores() + " cores (" + Machine.cpuModel() + "), "
                + ResidentMemory.format(Machine.memoryBytes()) + " memory, " + Machine.os());
        report.header("Load average at start (1, 5, 15 min)", Machine.loadAverageText());
        report.header("JVM", Machine.jvm());
        report.header("Services' JVM options", options.jvmName() + ": `" + String.join(" ", options.serviceJvmOptions()) + "`");
        report.header("Infrastructure JVM (Kafka broker + Mongo wire-protocol server)", "`" + String.join(" ", HostedStack.HOST_JVM_OPTIONS) + "`");
        report.header("Instances per service", options.instances() == 1 ? "1"
                : options.instances() + " of referral, fulfilment, billing and reporting (started after the cold starts; "
                + "POSTs to both referral instances in turn), 1 of identity");
        report.header("Extra service environment", options.environment().isEmpty() ? "none" : options.environment().toString());
        try {
            report.header("Service jars", serviceJars().toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        report.header("Typical record (ReferralAccepted, value + key + headers)", Events.typicalRecordBytes() + " bytes");
    }

    // ---- footprint: cold start and memory at rest -------------------------------------------------

    private void coldStarts(Path root) throws Exception {
        String section = "Footprint";
        Figure cold = report.figure(section, "F.coldstart", "Cold start of the whole stack to ready (fresh data, JVM launch → all four services ready)", "s", false);
        Figure restTotal = report.figure(section, "F.rss.rest.total", "Resident memory at rest, total (5 processes)", "MiB", false);
        Path jars = serviceJars();
        for (int i = 1; i <= settings.coldStarts(); i++) {
            Path data = root.resolve("stack-" + i);
            OUT.println();
            OUT.println("== cold start " + i + "/" + settings.coldStarts());
            HostedStack started = HostedStack.start(data, jars, options.serviceJvmOptions(), options.environment());
            double seconds = started.coldStart().toMillis() / 1000.0;
            cold.add(seconds);
            report.logRun(cold, seconds);
            Profiler profiler = options.profile() != null && i == settings.coldStarts() ? new Profiler(options.profile(), started) : null;
            if (profiler != null) {
                profiler.start("rest");
            }
            Visibility.sleep(settings.settle());
            long cpuBefore = started.cpuMillis();
            long idleBegin = System.nanoTime();
            Visibility.sleep(profiler != null ? Duration.ofSeconds(20) : idleWindow());
            if (profiler != null) {
                profiler.stop("rest");
            }
            double idle = (started.cpuMillis() - cpuBefore) / ((System.nanoTime() - idleBegin) / 1e6) * 100;
            Figure idleCpu = report.figure(section, "F.cpu.rest", "CPU use at rest, all stack processes (% of one core)", "%", false);
            idleCpu.add(idle);
            report.logRun(idleCpu, idle);
            Map<String, Long> rss = started.residentMemory();
            long total = rss.values().stream().mapToLong(Long::longValue).sum();
            restTotal.add(mib(total));
            report.logRun(restTotal, mib(total));
            int j = 0;
            for (Map.Entry<String, Long> e : rss.entrySet()) {
                Figure f = report.figure(section, "F.rss.rest." + (j++), "Resident memory at rest: " + e.getKey(), "MiB", false);
                f.add(mib(e.getValue()));
            }
            if (i < settings.coldStarts()) {
                started.close();
                Stack.wipe(data);
            } else {
                stack = started;
            }
        }
        report.note(section, "Cold start: the stack host JVM is launched (it starts the KRaft broker and the Mongo "
                + "wire-protocol server in-process, then the four service JVMs at once) with an empty data directory; "
                + "the time runs until every service's `/actuator/health/readiness` answers UP. CPU at rest is measured over "
                + idleWindow().toSeconds() + " s starting " + settings.settle().toSeconds() + " s after ready (nothing "
                + "posted yet), memory at rest (VmRSS) right after. The benchmark driver (load generator) is a separate JVM and not counted.");
    }

    private Duration idleWindow() {
        return settings.mode().equals("quick") ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
    }

    /**
     * The services' executable jars: those the reactor build just made in this checkout
     * ({@code <module>/target}), else the copies in {@code benchmarks/target/services} (which a build of
     * this module alone takes from the local Maven repository, possibly someone else's).
     */
    private static Path serviceJars() throws URISyntaxException {
        Path codeSource = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // benchmarks/target/benchmarks.jar or benchmarks/target/classes -> the checkout's root
        Path checkout = codeSource.getParent().getParent().getParent();
        try (var files = Files.list(checkout.resolve("referral-service").resolve("target"))) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith("-exec.jar"))) {
                return checkout;
            }
        } catch (java.io.IOException notBuilt) {
            // fall through
        }
        Path services = codeSource.getParent().resolve("services");
        return Files.isDirectory(services) ? services : Path.of("").toAbsolutePath();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    // ---- B1 ------------------------------------------------------------------------------------------

    private void rawKafka() throws Exception {
        String section = "B1 raw Kafka (the stack's broker, plain client)";
        RawKafka kafka = new RawKafka(stack.kafkaBootstrapServers());
        String topic = kafka.createTopic("bench.raw");
        Figure producer = report.figure(section, "B1.producer", "Producer throughput, acks=all, idempotent, async (client batching)", "records/s", true);
        Figure sync = report.figure(section, "B1.sync", "Producer throughput, each send waits for its ack (as our publisher sends)", "records/s", true);
        Figure p50 = report.figure(section, "B1.p50", "End-to-end latency p50 (send → consumer has it)", "ms", false);
        Figure p99 = report.figure(section, "B1.p99", "End-to-end latency p99", "ms", false);
        kafka.producerThroughput(topic, settings.kafkaMessages() / 5); // warm-up
        kafka.synchronousThroughput(topic, Math.max(100, settings.kafkaMessages() / 100));
        for (int i = 0; i < settings.repeats(); i++) {
            double rate = kafka.producerThroughput(topic, settings.kafkaMessages());
            producer.add(rate);
            report.logRun(producer, rate);
            double syncRate = kafka.synchronousThroughput(topic, Math.max(200, settings.kafkaMessages() / 50));
            sync.add(syncRate);
            report.logRun(sync, syncRate);
            Histogram latency = kafka.endToEndLatency(topic, settings.kafkaLatencyMessages(), settings.kafkaLatencyRate());
            p50.add(Stats.millis(latency, 50));
            p99.add(Stats.millis(latency, 99));
            report.logRun(p50, Stats.millis(latency, 50));
            report.logRun(p99, Stats.millis(latency, 99));
        }
        report.note(section, String.format(Locale.ROOT, "%,d records per throughput run, %d-byte values with the CloudEvents "
                        + "headers of a `ReferralAccepted`, 3 partitions, Kafka client defaults otherwise (linger.ms=0). "
                        + "Latency: %,d records at %,d/s, open loop (from the intended send time), consumer with "
                        + "read_committed like ours.", settings.kafkaMessages(),
                Events.encode(Events.sampleAccepted("R-x")).length, settings.kafkaLatencyMessages(), settings.kafkaLatencyRate()));
    }

    // ---- B2 ------------------------------------------------------------------------------------------

    private void rawMongo() throws Exception {
        String section = "B2 raw MongoDB (the stack's Mongo wire-protocol server, plain driver)";
        RawMongo raw = new RawMongo(mongo);
        Figure single = report.figure(section, "B2.single", "insertOne, 1 thread (Axon event documents, Axon's indexes)", "docs/s", true);
        Figure single4 = report.figure(section, "B2.single4", "insertOne, 4 threads", "docs/s", true);
        Figure batched = report.figure(section, "B2.batched", "insertMany, " + settings.mongoBatchSize() + " per batch", "docs/s", true);
        Figure read = report.figure(section, "B2.read", "Sorted batched read (timestamp, sequenceNumber; 1,000 per batch)", "docs/s", true);
        MongoCollection<Document> warm = raw.freshCollection();
        raw.singleInserts(warm, settings.mongoSingleInserts() / 5, 1);
        raw.batchedInserts(warm, settings.mongoBatchedInserts() / 5, settings.mongoBatchSize());
        raw.sortedRead(warm);
        raw.drop(warm);
        long docs = 0;
        for (int i = 0; i < settings.repeats(); i++) {
            MongoCollection<Document> collection = raw.freshCollection();
            double s1 = raw.singleInserts(collection, settings.mongoSingleInserts(), 1);
            single.add(s1);
            report.logRun(single, s1);
            double s4 = raw.singleInserts(collection, settings.mongoSingleInserts(), 4);
            single4.add(s4);
            report.logRun(single4, s4);
            double b = raw.batchedInserts(collection, settings.mongoBatchedInserts(), settings.mongoBatchSize());
            batched.add(b);
            report.logRun(batched, b);
            docs = collection.countDocuments();
            double r = raw.sortedRead(collection);
            read.add(r);
            report.logRun(read, r);
            raw.drop(collection);
        }
        report.note(section, String.format(Locale.ROOT, "Documents exactly as Axon's `DocumentPerEventStorageStrategy` "
                + "writes them (payload: a `ReferralAccepted`, Jackson), into a fresh collection with the indexes Axon "
                + "creates (unique aggregateIdentifier+sequenceNumber, timestamp+sequenceNumber). The sorted read covers "
                + "the whole collection after the inserts (%,d documents). The wire-protocol server is mongo-java-server "
                + "with the H2 MVStore backend, as in the local stack.", docs));
    }

    // ---- B4 ------------------------------------------------------------------------------------------

    private void axon() throws Exception {
        String section = "B4 Axon append and load (in-process Axon, Mongo extension, the stack's Mongo server)";
        AxonAppendLoad axon = new AxonAppendLoad(mongo, settings.axonThreads());
        Figure creates = report.figure(section, "B4.create", "Commands/s creating referral-like aggregates (2 events each)", "commands/s", true);
        Figure single = report.find("B2.single").orElse(null);
        creates.against(single);
        Figure delayMax = report.figure("Risk: the tracking token's look-back window", "R1.commitDelay.max",
                "Commit delay under B4 load, max (event timestamp → stored)", "ms", false);
        Figure delayP99 = report.figure("Risk: the tracking token's look-back window", "R1.commitDelay.p99",
                "Commit delay under B4 load, p99", "ms", false);
        report.note("Risk: the tracking token's look-back window", "Axon's Mongo tracking token reads events by timestamp "
                + "and looks back only `startpakket.event-store.look-back` (10 s) for events that became visible after "
                + "newer ones. `TrackingLookBackWindowTest` (service-platform) stores an event late: within the window it "
                + "is delivered; beyond it Axon's token has passed it for good (the gap). The fix, `LateAppendGuard` around "
                + "the storage engine, refuses to store events whose timestamp is more than half the window old (the unit "
                + "of work rolls back and the command is retried with fresh events), and logs an error if an insert itself "
                + "ended beyond the window. The figures here are how long after their timestamp events were stored under "
                + "B4's load (Axon timestamps an event when it is applied; it is stored when the unit of work commits): "
                + "the guard's 5 s and the window's 10 s must be far above them. Processors that send commands "
                + "(billing's funding-routing, invoice-issuing) keep batch size 1: a command sent from a batch stores "
                + "its events only when the whole batch commits.");
        try (AxonAppendLoad.Application warm = axon.new Application(false)) {
            axon.creates(warm, Math.max(20, settings.axonCreates() / 5));
        }
        for (int i = 0; i < settings.repeats(); i++) {
            try (AxonAppendLoad.Application app = axon.new Application(false)) {
                double rate = axon.creates(app, settings.axonCreates());
                creates.add(rate);
                report.logRun(creates, rate);
                delayMax.add(app.engine.commitDelayMicros.getMaxValue() / 1000.0);
                delayP99.add(Stats.millis(app.engine.commitDelayMicros, 99));
            }
        }
        for (int size : new int[] {10, 100, 1000}) {
            for (boolean snapshots : new boolean[] {false, true}) {
                String tag = size + "." + (snapshots ? "on" : "off");
                String what = String.format(Locale.ROOT, "%,d events, snapshots %s", size, snapshots ? "on" : "off");
                Figure append = report.figure(section, "B4.append." + tag, "Commands/s appending to long-lived aggregates of " + what, "commands/s", true)
                        .against(single);
                Figure loadP50 = report.figure(section, "B4.load." + tag + ".p50", "Aggregate load time p50, " + what, "ms", false);
                Figure loadP99 = report.figure(section, "B4.load." + tag + ".p99", "Aggregate load time p99, " + what, "ms", false);
                for (int i = 0; i < settings.repeats(); i++) {
                    try (AxonAppendLoad.Application app = axon.new Application(snapshots)) {
                        List<String> ids = new ArrayList<>();
                        for (int a = 0; a < settings.axonAggregates(); a++) {
                            ids.add("C-" + UUID.randomUUID());
                        }
                        app.prefill(ids, size);
                        axon.appends(app, ids, ids.size() * 2); // first loads (and snapshots when on)
                        double rate = axon.appends(app, ids, settings.axonUpdates());
                        append.add(rate);
                        report.logRun(append, rate);
                        Histogram loads = axon.loads(app, ids, Math.max(20, settings.axonUpdates() / 2));
                        loadP50.add(Stats.millis(loads, 50));
                        loadP99.add(Stats.millis(loads, 99));
                        report.logRun(loadP50, Stats.millis(loads, 50));
                        report.logRun(loadP99, Stats.millis(loads, 99));
                    }
                }
            }
        }
        report.note(section, String.format(Locale.ROOT, "Axon %s (axon-mongo 4.12.0) configured as the platform does "
                        + "(document per event, Jackson, `NoTransactionManager`, look-back %d s), `SimpleCommandBus`, "
                        + "%d client threads, a fresh database per run. Long-lived: %d aggregates prefilled to the size, "
                        + "then %,d `Append` commands round robin (each loads the aggregate and appends one event); load "
                        + "time = `repository.load` in a unit of work, snapshot threshold %d events. The baseline is B2's "
                        + "single insertOne rate.", "4.12.2", AxonAppendLoad.LOOK_BACK.toSeconds(), settings.axonThreads(), settings.axonAggregates(),
                settings.axonUpdates(), AxonAppendLoad.SNAPSHOT_THRESHOLD));
    }

    // ---- warm-up and B5 ---------------------------------------------------------------------------

    private void warmUp() {
        Pipeline.Saturation warm = pipeline.saturate(Duration.ofSeconds(settings.mode().equals("quick") ? 3 : 20), 4,
                Duration.ofMinutes(3));
        OUT.printf(Locale.ROOT, "  warm-up: %d referrals through the chain (%d errors%s)%n", warm.visible(), warm.errors(),
                warm.firstError() == null ? "" : ", first: " + warm.firstError());
        if (warm.visible() == 0) {
            throw new IllegalStateException("No referral reached the fulfilment queue and reporting during the warm-up"
                    + (warm.firstError() == null ? "" : ": " + warm.firstError()));
        }
    }

    private void saturation() {
        String section = "B5 pipeline throughput (HTTP POST → visible in the fulfilment queue and in reporting)";
        Figure rate = report.figure(section, "B5.rate", "Referrals/s at saturation, end to end", "referrals/s", true);
        Figure rateKafka = report.figure(section, "B5.rate.kafka", "Referrals/s at saturation, beside raw Kafka", "referrals/s", true);
        Figure posts = report.figure(section, "B5.posts", "POSTs answered 201/s (the referral service alone)", "requests/s", true);
        Figure postP50 = report.figure(section, "B5.post.p50", "POST latency p50 at saturation", "ms", false);
        Figure postP99 = report.figure(section, "B5.post.p99", "POST latency p99 at saturation", "ms", false);
        Figure cpu = report.figure("Footprint", "F.cpu", "CPU time per referral, all stack processes (B5, /proc/<pid>/stat)", "ms/referral", false);
        Figure loadTotal = report.figure("Footprint", "F.rss.load.total", "Resident memory under B5 load, total (largest sample)", "MiB", false);
        report.find("B2.single").ifPresent(rate::against);
        report.find("B1.producer").ifPresent(rateKafka::against);
        Figure mongoOps = report.figure(section, "B5.mongo", "MongoDB commands per referral, all services (driver command listener)",
                "commands/referral", false);
        long total = 0;
        MongoOperations operations = new MongoOperations(stack);
        MongoOperations.Counts lastRun = null;
        long lastVisible = 0;
        Profiler profiler = options.profile() == null ? null : new Profiler(options.profile(), stack);
        for (int i = 0; i < settings.stackRepeats(); i++) {
            if (profiler != null) {
                profiler.start("b5-run" + (i + 1));
            }
            MongoOperations.Counts before = operations.count();
            Pipeline.Saturation s = pipeline.saturate(settings.pipelineDuration(), settings.pipelineClients(),
                    Duration.ofMinutes(settings.mode().equals("quick") ? 2 : 10));
            MongoOperations.Counts run = operations.count().minus(before);
            if (profiler != null) {
                profiler.stop("b5-run" + (i + 1));
            }
            if (s.visible() > 0) {
                mongoOps.add(run.total() / s.visible());
                report.logRun(mongoOps, run.total() / s.visible());
                for (Service service : Service.values()) {
                    Figure f = report.figure(section, "B5.mongo." + service.module(), "MongoDB commands per referral: "
                            + service.module(), "commands/referral", false);
                    f.add(run.total(service) / s.visible());
                }
                lastRun = run;
                lastVisible = s.visible();
            }
            total += s.visible();
            rate.add(s.pipelineRate());
            rateKafka.add(s.pipelineRate());
            posts.add(s.postRate());
            postP50.add(Stats.millis(s.postLatency(), 50));
            postP99.add(Stats.millis(s.postLatency(), 99));
            cpu.add(s.cpuMillisPerReferral());
            loadTotal.add(mib(s.maxTotalRss()));
            int j = 0;
            for (Map.Entry<String, Long> e : s.rssAtMax().entrySet()) {
                report.figure("Footprint", "F.rss.load." + (j++), "Resident memory under B5 load: " + e.getKey(), "MiB", false)
                        .add(mib(e.getValue()));
            }
            int k = 0;
            for (Map.Entry<String, Double> e : s.cpuMillisPerReferralByProcess().entrySet()) {
                Figure f = report.figure("Footprint", "F.cpu." + (k++), "CPU time per referral: " + e.getKey(), "ms/referral", false);
                f.add(e.getValue());
                report.logRun(f, e.getValue());
            }
            report.logRun(rate, s.pipelineRate());
            report.logRun(posts, s.postRate());
            report.logRun(cpu, s.cpuMillisPerReferral());
            report.logRun(loadTotal, mib(s.maxTotalRss()));
            OUT.printf(Locale.ROOT, "  run %d: %d posted, %d errors, %d not visible in time, %.1f s until the last was visible%s%n",
                    i + 1, s.posted(), s.errors(), s.unseen(), s.seconds(),
                    s.firstError() == null ? "" : ", first error: " + s.firstError());
            if (s.errors() > 0 || s.unseen() > 0) {
                report.note(section, String.format(Locale.ROOT, "Run %d: %d POSTs failed (first: %s), %d referrals not visible "
                        + "within the drain time.", i + 1, s.errors(), s.firstError(), s.unseen()));
            }
        }
        workPerReferral(section);
        if (lastRun != null) {
            report.note(section, mongoBreakdown(lastRun, lastVisible));
        }
        report.note(section, String.format(Locale.ROOT, "%d partner clients post back to back for %d s (Heerlen's demo key: "
                        + "its contract has no cap, so every referral is funded and queued; every referral another household), "
                        + "then the run waits until each referral is in the fulfilment queue (`job_queue`, listed) and in "
                        + "reporting (`referral_facts`, job queued). Rate = referrals / (first POST → last visible). %,d "
                        + "referrals in total over the runs; the stores grow from run to run. Visibility is polled by `_id` every 10 ms.",
                settings.pipelineClients(), settings.pipelineDuration().toSeconds(), total));
    }

    /** The last B5 run's MongoDB commands per referral, per service and per collection and command, largest first. */
    private static String mongoBreakdown(MongoOperations.Counts run, long referrals) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "MongoDB commands per referral in the last run "
                + "(%,d referrals; `mongodb_driver_commands_seconds_count` of each service before and after, so the "
                + "processors' polls while the run lasted count too): ", referrals));
        for (Service service : Service.values()) {
            Map<String, Double> byCollection = run.byService().getOrDefault(service, Map.of());
            if (byCollection.isEmpty()) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "**%s %.1f**", service.module(), run.total(service) / referrals));
            String parts = byCollection.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() / referrals >= 0.05)
                    .map(e -> String.format(Locale.ROOT, "`%s` %.2f", e.getKey(), e.getValue() / referrals))
                    .collect(java.util.stream.Collectors.joining(", "));
            text.append(" (").append(parts).append("); ");
        }
        return text.toString();
    }

    /** What the chain stored and sent per referral so far: Axon events, inbound dedup records, Kafka records. */
    private void workPerReferral(String section) {
        try {
            long referrals = mongo.getDatabase("startpakket-fulfilment").getCollection("job_queue").countDocuments();
            if (referrals == 0) {
                return;
            }
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "Work per referral (totals in the stack after B5 / %,d packing jobs): ", referrals));
            for (Service service : Service.values()) {
                String db = "startpakket-" + service.module().replace("-service", "");
                long events = mongo.getDatabase(db).getCollection("domainevents").countDocuments();
                long processed = mongo.getDatabase(db).getCollection("processed_events").countDocuments();
                text.append(String.format(Locale.ROOT, "%s %.1f Axon events + %.1f inbound dedup records; ",
                        service.module(), (double) events / referrals, (double) processed / referrals));
            }
            try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers())) {
                var admin = lag.admin();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
                for (var d : admin.describeTopics(Rebuild.topics()).allTopicNames().get().values()) {
                    d.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
                }
                long records = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
                text.append(String.format(Locale.ROOT, "Kafka %.1f records on the five topics (each read by 1–3 services). "
                        + "Every Axon event is one Mongo insert plus the tracking processors' token writes; every "
                        + "inbound record a dedup lookup and insert.", (double) records / referrals));
            }
            report.note(section, text.toString());
        } catch (Exception e) {
            report.note(section, "Work per referral not counted: " + e);
        }
    }

    // ---- risk: the binder's producer settings, from the running services ---------------------------

    private void producerSettings() {
        String section = "Risk: the Kafka binder's producer settings (read from the running services)";
        ProducerSettingsCheck check = new ProducerSettingsCheck(stack);
        for (Service service : Service.values()) {
            report.note(section, check.describe(service));
        }
    }

    // ---- B6 --------------------------------------------------------------------------------------------

    private void latency() {
        String section = "B6 latency at a constant rate (open loop, POST → visible)";
        double max = report.find("B5.rate").filter(Figure::measured).map(Figure::median)
                .orElseThrow(() -> new IllegalStateException("B6 needs B5's maximum"));
        for (int percent : new int[] {10, 50, 80}) {
            double rate = Math.max(1, max * percent / 100.0);
            Figure achieved = report.figure(section, "B6." + percent + ".rate", percent + "% of B5: rate offered", "referrals/s", true);
            Map<String, Figure[]> figures = new LinkedHashMap<>();
            for (String where : new String[] {"fulfilment", "reporting"}) {
                figures.put(where, new Figure[] {
                        report.figure(section, "B6." + percent + "." + where + ".p50", percent + "% load: p50 until visible in " + where, "ms", false),
                        report.figure(section, "B6." + percent + "." + where + ".p99", percent + "% load: p99 until visible in " + where, "ms", false),
                        report.figure(section, "B6." + percent + "." + where + ".p999", percent + "% load: p99.9 until visible in " + where, "ms", false)});
            }
            report.find("B1.p50").ifPresent(figures.get("fulfilment")[0]::against);
            report.find("B1.p99").ifPresent(figures.get("fulfilment")[1]::against);
            for (int i = 0; i < settings.stackRepeats(); i++) {
                Pipeline.ConstantRate r = pipeline.constantRate(rate, settings.latencyDuration(), Duration.ofMinutes(settings.mode().equals("quick") ? 1 : 5));
                achieved.add(rate);
                add(figures.get("fulfilment"), r.fulfilment());
                add(figures.get("reporting"), r.reporting());
                OUT.printf(Locale.ROOT, "  %d%% (%.1f/s) run %d: %d posted, %d errors, %d late; fulfilment p50 %.0f p99 %.0f p99.9 %.0f ms;"
                                + " reporting p50 %.0f p99 %.0f p99.9 %.0f ms%n", percent, rate, i + 1, r.posted(), r.errors(), r.unseen(),
                        Stats.millis(r.fulfilment(), 50), Stats.millis(r.fulfilment(), 99), Stats.millis(r.fulfilment(), 99.9),
                        Stats.millis(r.reporting(), 50), Stats.millis(r.reporting(), 99), Stats.millis(r.reporting(), 99.9));
                if (r.errors() > 0 || r.unseen() > 0) {
                    report.note(section, String.format(Locale.ROOT, "%d%% run %d: %d POSTs failed (first: %s), %d not visible within "
                            + "the drain time (counted with the time waited).", percent, i + 1, r.errors(), r.firstError(), r.unseen()));
                }
            }
        }
        report.note(section, String.format(Locale.ROOT, "Each referral is scheduled at its intended start time (start + i/rate) "
                + "and its latency counts from then, however late the POST actually went out (no coordinated omission); "
                + "%d s per run; 64 client threads. Visibility is polled every 10 ms (adds up to ~10 ms).", settings.latencyDuration().toSeconds()));
    }

    private static void add(Figure[] figures, Histogram histogram) {
        figures[0].add(Stats.millis(histogram, 50));
        figures[1].add(Stats.millis(histogram, 99));
        figures[2].add(Stats.millis(histogram, 99.9));
    }

    // ---- B8 --------------------------------------------------------------------------------------------

    private void recovery() throws Exception {
        String section = "B8 recovery (kill -9 of a service under load)";
        double max = report.find("B5.rate").filter(Figure::measured).map(Figure::median)
                .orElseThrow(() -> new IllegalStateException("B8 needs B5's maximum"));
        double rate = Math.max(2, max * 0.10);
        Service victim = Service.BILLING;
        Figure recovery = report.figure(section, "B8.recovery", "kill -9 of " + victim.module() + " → every consumer's lag zero and every referral visible again", "s", false);
        Figure restart = report.figure(section, "B8.restart", "of which: " + victim.module() + " restarted to ready", "s", false);
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers())) {
            for (int i = 0; i < settings.stackRepeats(); i++) {
                Recovery.Result r = new Recovery(stack, pipeline, visibility, lag).killUnderLoad(victim, rate,
                        settings.recoveryLoadBefore(), Duration.ofMinutes(5));
                recovery.add(r.recoverySeconds());
                restart.add(r.restartSeconds());
                report.logRun(recovery, r.recoverySeconds());
                report.logRun(restart, r.restartSeconds());
                OUT.printf(Locale.ROOT, "  run %d: lag peaked at %d records%n", i + 1, r.peakLag());
            }
        }
        report.note(section, String.format(Locale.ROOT, "An open-loop load of %.1f referrals/s (10%% of B5) runs for %d s, then "
                + "the service gets SIGKILL and is started again at once (as a supervisor would); the load goes on. Recovered = "
                + "the first moment after the restart when the summed lag of all four consumer groups is 0 and no referral "
                + "posted more than 2 s earlier is still missing from the fulfilment queue or reporting.", rate,
                settings.recoveryLoadBefore().toSeconds()));
    }

    // ---- B7 --------------------------------------------------------------------------------------------

    // ---- B9: a coordinator imports a municipality's history (issue 13) ------------------------------

    private void historicImport() throws Exception {
        String section = "B9 historic import (referral, a coordinator's CSV of the years before Startpakket)";
        int rows = settings.historicRows();
        Figure dryRunRate = report.figure(section, "B9.dryrun.rate", "Dry run of a " + String.format(Locale.ROOT, "%,d", rows)
                + "-row file (read, every row checked, report answered)", "rows/s", true);
        Figure dryRunSeconds = report.figure(section, "B9.dryrun.seconds", "Dry run, total", "s", false);
        Figure importRate = report.figure(section, "B9.import.rate", "Import of that file (every row a referral event, then answered)",
                "rows/s", true);
        report.find("B4.create").ifPresent(importRate::against);
        Figure importSeconds = report.figure(section, "B9.import.seconds", "Import, total", "s", false);
        Figure againSeconds = report.figure(section, "B9.again.seconds", "The same file again (\"already imported\", nothing emitted)",
                "s", false);
        Figure gcSeconds = report.figure(section, "B9.import.gc", "referral-service's garbage collection during the import", "s", false);
        Figure fullCollections = report.figure(section, "B9.import.fullgc", "of it full collections (old generation)", "count", false);
        HistoricImportLoad load = new HistoricImportLoad(stack.baseUrl(Service.REFERRAL));
        for (int i = 0; i < settings.repeats(); i++) {
            byte[] file = HistoricImportLoad.file(rows);
            HistoricImportLoad.Answer dry = load.send(file, true);
            require(dry, 200, rows);
            dryRunSeconds.add(dry.seconds());
            dryRunRate.add(rows / dry.seconds());
            report.logRun(dryRunRate, rows / dry.seconds());
            HistoricImportLoad.Collections before = load.collections();
            HistoricImportLoad.Answer imported = load.send(file, false);
            HistoricImportLoad.Collections during = load.collections().since(before);
            require(imported, 201, rows);
            gcSeconds.add(during.seconds());
            fullCollections.add(during.fullCount());
            if (imported.body().path("imported").asInt() != rows) {
                throw new IllegalStateException("Imported " + imported.body().path("imported") + " of " + rows + " rows");
            }
            importSeconds.add(imported.seconds());
            importRate.add(rows / imported.seconds());
            report.logRun(importRate, rows / imported.seconds());
            HistoricImportLoad.Answer again = load.send(file, false);
            require(again, 200, rows);
            againSeconds.add(again.seconds());
            report.logRun(againSeconds, again.seconds());
        }
        report.note(section, "A generated CSV of Heerlen's 2019–2023 as a coordinator would upload it (Dutch headers, dd-MM-yyyy "
                + "dates, a name column that is never read, " + String.format(Locale.ROOT, "%,d", rows) + " rows, about "
                + HistoricImportLoad.file(rows).length / 1024 + " KiB), sent as `text/csv` to `POST /api/v1/imports?dryRun=true`, "
                + "then to `POST /api/v1/imports`, then once more; each time from sending to the last byte of the answer. The "
                + "import answers once every row is a referral event in the event store (one command per row, on "
                + "`startpakket.referral.history.import-threads` threads); publishing to Kafka follows through the outbox "
                + "relay. Compared with B4's single-thread aggregate creation.");
    }

    private static void require(HistoricImportLoad.Answer answer, int status, int rows) {
        if (answer.status() != status || answer.body().path("rows").asInt() != rows) {
            throw new IllegalStateException("Import answered " + answer.status() + ": " + answer.body());
        }
    }

    private void rebuild() throws Exception {
        String section = "B7 projection rebuild (reporting, from the start of the Kafka log)";
        Figure rate = report.figure(section, "B7.rate", "Rebuild speed (POST /api/v1/reports/rebuild → new version active)", "events/s", true);
        report.find("B2.read").ifPresent(rate::against);
        Figure count = report.figure(section, "B7.events", "Events in the log read by the rebuild", "events", true);
        stack.stop(Service.REFERRAL, Service.BILLING, Service.FULFILMENT, Service.REPORTING);
        Rebuild rebuild = new Rebuild(stack);
        long begin = System.nanoTime();
        long generated = rebuild.generate(settings.rebuildEvents());
        double generateSeconds = (System.nanoTime() - begin) / 1e9;
        OUT.printf(Locale.ROOT, "  %,d events put on the topics in %.1f s%n", generated, generateSeconds);
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers())) {
            for (String group : ConsumerLag.GROUPS) {
                lag.moveToEnd(group, Rebuild.topics());
            }
        }
        stack.start(Service.REPORTING);
        Visibility.sleep(Duration.ofSeconds(2));
        Profiler profiler = options.profile() == null ? null : new Profiler(options.profile(), stack);
        for (int i = 0; i < settings.stackRepeats(); i++) {
            if (profiler != null) {
                profiler.start("b7-run" + (i + 1));
            }
            Rebuild.Result r = rebuild.run(Duration.ofMinutes(settings.mode().equals("quick") ? 2 : 60), mongo);
            if (profiler != null) {
                profiler.stop("b7-run" + (i + 1));
            }
            OUT.printf(Locale.ROOT, "  run %d: %s, %,d events in %.1f s%n", i + 1, r.state(), r.events(), r.seconds());
            if (!r.state().startsWith("SWITCHED")) {
                throw new IllegalStateException("Rebuild ended " + r.state());
            }
            rate.add(r.eventsPerSecond());
            count.add(r.events());
            report.logRun(rate, r.eventsPerSecond());
        }
        report.note(section, String.format(Locale.ROOT, "The history of %,d delivered referrals (9 events each: submitted, "
                + "accepted, funding reserved, job queued, packing started, packed, handed over, delivered, billable line: "
                + "%,d events) is put on the four topics with a raw producer (%.1f s) while the services are stopped; the "
                + "consumer groups are moved past it (so that only the rebuild reads it), the reporting service is started "
                + "and a coordinator asks for a rebuild; the time runs until the new version is active. The log also holds "
                + "everything the runs before produced. The baseline is B2's sorted read.",
                generated / 9, generated, generateSeconds));
    }

    // ---- targets -----------------------------------------------------------------------------------------

    private void targets() {
        Figure b5 = report.find("B5.rate").orElse(null);
        Figure b1 = report.find("B1.producer").orElse(null);
        Figure b2 = report.find("B2.single").orElse(null);
        if (b5 != null && b1 != null && b2 != null) {
            Figure slower = !b1.measured() ? b2 : !b2.measured() ? b1 : b1.median() <= b2.median() ? b1 : b2;
            report.targetRatio("B5 ≥ 25% of the slower of B1 and B2 single insert", b5, slower, 0.25);
            report.target("B5 ≥ 50 referrals/s (issue 12)", b5, 50, true);
        }
        report.find("F.cpu").ifPresent(f -> report.target("CPU ≤ 30 ms per referral (issue 12; all stack processes, "
                + "the services' own share is in the footprint section)", f, 30, false));
        report.find("B5.mongo").ifPresent(f -> report.target("≤ 20 MongoDB commands per referral (issue 12)", f, 20, false));
        report.find("B6.50.fulfilment.p99").ifPresent(f -> report.target("B6 p99 < 500 ms at 50% load (fulfilment queue)", f, 500, false));
        report.find("B6.50.reporting.p99").ifPresent(f -> report.target("B6 p99 < 500 ms at 50% load (reporting)", f, 500, false));
        report.find("B7.rate").ifPresent(f -> report.target("B7 ≥ 20,000 events/s", f, 20_000, true));
        report.find("F.coldstart").ifPresent(f -> report.target("Whole local stack ready < 30 s", f, 30, false));
        report.find("F.rss.rest.total").ifPresent(f -> report.target("Whole local stack < 1.5 GiB resident (at rest)", f, 1536, false));
        report.find("F.rss.load.total").ifPresent(f -> report.target("Whole local stack < 1.5 GiB resident (under B5 load)", f, 1536, false));
    }
}
