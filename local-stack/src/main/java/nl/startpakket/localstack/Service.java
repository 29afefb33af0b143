package nl.startpakket.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Startpakket services: Maven module, port in the local stack, executable jar. The four of
 * the chain and the identity provider their staff sign in at.
 */
public enum Service {
    REFERRAL("referral-service", 8081),
    FULFILMENT("fulfilment-service", 8082),
    BILLING("billing-service", 8083),
    REPORTING("reporting-service", 8084),
    IDENTITY("identity-service", 8085);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The Maven module and Spring application name, e.g. {@code referral-service}. */
    public String module() {
        return module;
    }

    /** The port in the local stack (DESIGN.md): 8081 referral, 8082 fulfilment, 8083 billing, 8084 reporting, 8085 identity. */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * This service's executable jar {@code <module>-<version>-exec.jar} in {@code directory}
     * (e.g. {@code local-stack/target/services}) or, when {@code directory} is a checkout's root,
     * in {@code <module>/target}.
     */
    public Path jarIn(Path directory) {
        return findJar(directory)
                .or(() -> findJar(directory.resolve(module).resolve("target")))
                .orElseThrow(() -> new IllegalStateException("No " + module + "-*-exec.jar in " + directory.toAbsolutePath()
                        + " or " + directory.resolve(module).resolve("target").toAbsolutePath()
                        + ": build first (./mvnw -B -DskipTests package)"));
    }

    private Optional<Path> findJar(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files
                    .filter(f -> f.getFileName().toString().startsWith(module + "-"))
                    .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .sorted()
                    .toList();
            return jars.isEmpty() ? Optional.empty() : Optional.of(jars.get(jars.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the build puts the service jars for the launcher: {@code services/} beside
     * {@code local-stack.jar} (or beside {@code target/classes} when run from an IDE), falling back
     * to the working directory (a checkout's root, see {@link #jarIn(Path)}).
     */
    public static Path defaultJarDirectory() {
        try {
            Path codeSource = Path.of(Service.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path services = codeSource.getParent().resolve("services");
            if (Files.isDirectory(services)) {
                return services;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }
}
