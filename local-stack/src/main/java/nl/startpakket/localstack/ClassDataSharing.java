package nl.startpakket.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Faster service starts with the JVM's application class-data sharing (AppCDS), in three steps
 * that cost the user no waiting:
 * <ol>
 * <li>a service's executable jar is extracted once ({@code java -Djarmode=tools -jar <jar> extract}:
 *     classes load faster from plain jars than from nested ones, and only plain jars can be archived);</li>
 * <li>a run without an archive records the classes it loads ({@code -XX:DumpLoadedClassList});</li>
 * <li>once the stack is ready, {@link #buildMissingArchives} turns those lists into archives
 *     ({@code -Xshare:dump}) in the background at low priority, and later runs map them
 *     ({@code -XX:SharedArchiveFile}): about half the CPU time to ready.</li>
 * </ol>
 * A dump that fails is tried once more without the lambdas of classes it skipped (JDK 17 crashes
 * on those, e.g. Saxon's from its signed jar). A rebuilt jar or another JDK starts over. An archive
 * is checked once before use (a JVM given a damaged one crashes); if anything fails the service
 * runs from its jar as before.
 */
final class ClassDataSharing {

    /** A list shorter than this was cut off before a service got far: no archive from it. */
    static final int MIN_CLASSES = 2000;

    /** A class the dump did not archive, as {@code -Xshare:dump} logs it. */
    private static final Pattern SKIPPED = Pattern.compile("Skipping (\\S+?):");

    private final Path cacheDirectory;
    private final int minClasses;
    private volatile Process dumping;
    private volatile boolean cancelled;

    ClassDataSharing(Path cacheDirectory) {
        this(cacheDirectory, MIN_CLASSES);
    }

    ClassDataSharing(Path cacheDirectory, int minClasses) {
        this.cacheDirectory = cacheDirectory;
        this.minClasses = minClasses;
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
                run(List.of(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar", execJar.toAbsolutePath().toString(),
                        "extract", "--destination", extracted.toAbsolutePath().toString()), dir, dir.resolve("extract.log"), false);
                Files.writeString(stamp, source, StandardCharsets.UTF_8);
            }
            Path jar = findJar(extracted);
            Path archive = dir.resolve("classes.jsa");
            List<String> options = new ArrayList<>();
            if (usable(archive, jar, dir)) {
                options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
            } else {
                options.add("-XX:DumpLoadedClassList=" + dir.resolve("classes.lst").toAbsolutePath());
            }
            options.add("-Xlog:cds=off");
            options.add("-Xlog:cds+dynamic=off");
            return new Launch(options, jar);
        } catch (IOException | RuntimeException e) {
            return new Launch(List.of(), execJar);
        }
    }

    /**
     * For each service with a class list but no archive, writes the archive (one JVM at a time, at
     * the lowest CPU priority). Blocking: run it in the background. Failures only leave the
     * service without an archive.
     */
    void buildMissingArchives(Collection<String> names) {
        for (String name : names) {
            if (cancelled) {
                return;
            }
            Path dir = cacheDirectory.resolve(name);
            Path archive = dir.resolve("classes.jsa");
            Path list = dir.resolve("classes.lst");
            try {
                if (Files.exists(archive) || !Files.exists(list)) {
                    continue;
                }
                Path jar = findJar(dir.resolve("app"));
                Path snapshot = completeLines(list, dir.resolve("classes.lst.dumping"));
                if (lineCount(snapshot) < minClasses) {
                    continue;
                }
                Path partial = dir.resolve("classes.jsa.partial");
                Path log = dir.resolve("dump.log");
                try {
                    dump(snapshot, partial, jar, dir, log);
                } catch (IOException failed) {
                    // JDK 17 crashes (SIGSEGV in adjust_lambda_proxy_class_dictionary) on a lambda whose
                    // class it skipped, e.g. one from a signed jar: once more without those lambdas
                    Path retry = dir.resolve("classes.lst.retry");
                    if (cancelled || !Files.exists(log)
                            || !writeWithoutLambdasOfSkippedClasses(snapshot, log, retry)) {
                        throw failed;
                    }
                    dump(retry, partial, jar, dir, dir.resolve("dump-retry.log"));
                }
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // no archive this time: the next run records a list again
            }
        }
    }

    private void dump(Path classList, Path partial, Path jar, Path dir, Path log) throws IOException {
        Files.deleteIfExists(partial);
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/nice").canExecute()) {
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.addAll(List.of(ServiceProcess.javaExecutable(), "-Xshare:dump", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve("dump-hs_err.log").toAbsolutePath(),
                "-XX:SharedClassListFile=" + classList.toAbsolutePath(),
                "-XX:SharedArchiveFile=" + partial.toAbsolutePath(),
                "-cp", jar.toAbsolutePath().toString()));
        run(command, dir, log, true);
    }

    /**
     * Writes {@code classList} without the {@code @lambda-proxy} lines of classes that the dump in
     * {@code dumpLog} skipped ({@code Skipping <class>: Signed JAR} and the like). Whether any line
     * was left out (if none was, another dump would fail the same way).
     */
    static boolean writeWithoutLambdasOfSkippedClasses(Path classList, Path dumpLog, Path target) throws IOException {
        Set<String> skipped = new HashSet<>();
        try (Stream<String> lines = Files.lines(dumpLog, StandardCharsets.ISO_8859_1)) {
            lines.map(SKIPPED::matcher).filter(Matcher::find).forEach(m -> skipped.add(m.group(1)));
        }
        List<String> all = Files.readAllLines(classList, StandardCharsets.ISO_8859_1);
        List<String> kept = all.stream().filter(line -> {
            String[] words = line.split(" ", 3);
            return !(words.length > 1 && words[0].equals("@lambda-proxy") && skipped.contains(words[1]));
        }).toList();
        Files.write(target, kept, StandardCharsets.ISO_8859_1);
        return kept.size() < all.size();
    }

    /** Stops a running archive dump (the stack is stopping). */
    void cancel() {
        cancelled = true;
        Process current = dumping;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    /**
     * Whether the archive exists and maps (a JVM crashes on a truncated one): checked once per
     * archive with {@code -Xshare:on -version}; an unusable one is deleted.
     */
    private boolean usable(Path archive, Path jar, Path dir) throws IOException {
        if (!Files.exists(archive)) {
            return false;
        }
        Path checked = dir.resolve("classes.jsa.checked");
        String identity = Files.size(archive) + "|" + Files.getLastModifiedTime(archive).toMillis();
        if (Files.exists(checked) && Files.readString(checked, StandardCharsets.UTF_8).equals(identity)) {
            return true;
        }
        try {
            run(List.of(ServiceProcess.javaExecutable(), "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:on",
                    "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve("check-hs_err.log").toAbsolutePath(),
                    "-cp", jar.toAbsolutePath().toString(), "-version"), dir, dir.resolve("check.log"), false);
            Files.writeString(checked, identity, StandardCharsets.UTF_8);
            return true;
        } catch (IOException unusable) {
            Files.deleteIfExists(archive);
            return false;
        }
    }

    /** Runs {@code command} to its end; {@code cancellable}: {@link #cancel()} kills it. */
    private void run(List<String> command, Path directory, Path log, boolean cancellable) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (cancellable) {
            dumping = process;
            if (cancelled) {
                process.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Failed: " + String.join(" ", command) + " (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        } finally {
            if (cancellable) {
                dumping = null;
            }
        }
    }

    /** Copies the complete lines of {@code list} (its writer may be in the middle of one). */
    private static Path completeLines(Path list, Path snapshot) throws IOException {
        byte[] bytes = Files.readAllBytes(list);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return Files.write(snapshot, java.util.Arrays.copyOf(bytes, end));
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    private static Path findJar(Path extracted) throws IOException {
        try (Stream<Path> files = Files.list(extracted)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("No jar in " + extracted));
        }
    }
}
