package nl.startpakket.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;
import nl.startpakket.localstack.Stack;

/**
 * One whole system per test JVM: a real Kafka broker and a Mongo wire-protocol server in this JVM,
 * the four services as their own processes with the demo data, on free ports. Shared by every
 * end-to-end test class; stopped when the JVM ends.
 */
final class RunningStack {

    private static Stack stack;

    private RunningStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            try {
                // under target/, kept after the run so the services' logs can be read when a test failed
                Path data = Path.of("target", "e2e-stack").toAbsolutePath();
                Stack.wipe(data);
                Files.createDirectories(data);
                stack = Stack.builder()
                        .dataDirectory(data)
                        .randomPorts()
                        // the reactor's checkout: each service's exec jar is in <module>/target
                        .jarDirectory(Path.of("").toAbsolutePath().getParent())
                        .externalKafka(blankToNull(System.getenv("KAFKA_BOOTSTRAP_SERVERS")))
                        .externalMongo(blankToNull(System.getenv("MONGODB_URI")))
                        // a partner endpoint that was down is tried again within seconds, not minutes
                        .environment("STARTPAKKET_NOTIFICATIONS_MAX_BACKOFF", "10s")
                        .build()
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Stack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "e2e-stack-stop"));
        }
        return stack;
    }

    static ServiceProcess service(Service service) {
        return get().service(service);
    }

    static Api api(Service service) {
        return new Api(service(service).baseUrl());
    }

    private static final AtomicInteger NEXT = new AtomicInteger();

    /**
     * One of the running instances of {@code service}, in turn, as a load balancer in front of
     * replicas would pick them (the first instance when no other is running).
     */
    static Api anyInstance(Service service) {
        List<ServiceProcess> running = new ArrayList<>();
        if (service(service).isAlive()) {
            running.add(service(service));
        }
        get().otherInstances().stream()
                .filter(p -> p.name().startsWith(service.module() + "-") && p.isAlive())
                .forEach(running::add);
        if (running.isEmpty()) {
            return api(service);
        }
        return new Api(running.get(Math.floorMod(NEXT.getAndIncrement(), running.size())).baseUrl());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
