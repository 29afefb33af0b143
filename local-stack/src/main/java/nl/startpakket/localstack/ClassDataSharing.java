package nl.startpakket.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Faster service starts with the JVM's application class-data sharing (AppCDS): a service's
 * executable jar is extracted once ({@code java -Djarmode=tools -jar <jar> extract}: classes load
 * faster from plain jars than from nested ones, and only plain jars can be archived); its first
 * run writes an archive of the loaded classes when it stops gracefully
 * ({@code -XX:ArchiveClassesAtExit}); later runs map that archive ({@code -XX:SharedArchiveFile}).
 * A rebuilt jar or another JDK starts over. If anything fails, the service runs from its jar as
 * before, so this only ever costs the extraction.
 */
final class ClassDataSharing {

    private final Path cacheDirectory;

    ClassDataSharing(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** What to run instead of {@code -jar execJar}: JVM options and the jar, cached under the cache directory. */
    record Launch(List<String> jvmOptions, Path jar) {
    }

    /** Prepares {@code execJar} (extracting it if it changed) and returns how to launch it. */
    Launch prepare(String name, Path execJar) {
        try {
            Path dir = cacheDirectory.resolve(name);
            Path stamp = dir.resolve("source.txt");
            String source = execJar.toAbsolutePath() + "|" + Files.size(execJar) + "|" + Files.getLastModifiedTime(execJar).toMillis()
                    + "|" + System.getProperty("java.vm.version");
            Path extracted = dir.resolve("app");
            if (!Files.exists(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(source)) {
                Stack.wipe(dir);
                Files.createDirectories(dir);
                extract(execJar, extracted, dir.resolve("extract.log"));
                Files.writeString(stamp, source, StandardCharsets.UTF_8);
            }
            Path jar = findJar(extracted);
            Path archive = dir.resolve("classes.jsa");
            List<String> options = new ArrayList<>();
            options.add(usable(archive, jar, dir) ? "-XX:SharedArchiveFile=" + archive.toAbsolutePath()
                    : "-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
            options.add("-Xlog:cds=off");
            options.add("-Xlog:cds+dynamic=off");
            return new Launch(options, jar);
        } catch (IOException | RuntimeException e) {
            return new Launch(List.of(), execJar);
        }
    }

    /**
     * Whether the archive exists and maps (a JVM crashes on a truncated one, e.g. when its writer was
     * killed): checked once per archive with {@code -Xshare:on -version}; an unusable one is deleted.
     */
    private static boolean usable(Path archive, Path jar, Path dir) throws IOException {
        if (!Files.exists(archive)) {
            return false;
        }
        Path checked = dir.resolve("classes.jsa.checked");
        String identity = Files.size(archive) + "|" + Files.getLastModifiedTime(archive).toMillis();
        if (Files.exists(checked) && Files.readString(checked, StandardCharsets.UTF_8).equals(identity)) {
            return true;
        }
        Process check = new ProcessBuilder(ServiceProcess.javaExecutable(), "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xshare:on", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve("check-hs_err.log").toAbsolutePath(),
                "-cp", jar.toAbsolutePath().toString(), "-version")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("check.log").toFile())
                .start();
        try {
            if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                Files.writeString(checked, identity, StandardCharsets.UTF_8);
                return true;
            }
            check.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(archive);
        return false;
    }

    private static void extract(Path execJar, Path destination, Path log) throws IOException {
        Process process = new ProcessBuilder(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar",
                execJar.toAbsolutePath().toString(), "extract", "--destination", destination.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Cannot extract " + execJar + ", see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + execJar, e);
        }
    }

    private static Path findJar(Path extracted) throws IOException {
        try (var files = Files.list(extracted)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("No jar in " + extracted));
        }
    }
}
