package nl.startpakket.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.startpakket.localstack.Service;

/**
 * Flight recordings (JFR, in the JDK) of every process of the stack during one benchmark phase,
 * started and stopped with {@code jcmd}: {@code <dir>/<phase>-<process>.jfr}.
 */
final class Profiler {

    private final Path directory;
    private final HostedStack stack;

    Profiler(Path directory, HostedStack stack) {
        this.directory = directory;
        this.stack = stack;
    }

    private Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("infrastructure", stack.hostPid());
        for (Service service : Service.values()) {
            pids.put(service.module(), stack.pid(service));
        }
        return pids;
    }

    void start(String phase) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        processes().forEach((name, pid) -> jcmd(pid, "JFR.start", "name=" + phase, "settings=profile",
                "filename=" + directory.resolve(phase + "-" + name + ".jfr").toAbsolutePath()));
    }

    void stop(String phase) {
        processes().forEach((name, pid) -> jcmd(pid, "JFR.stop", "name=" + phase));
    }

    private static void jcmd(long pid, String... arguments) {
        try {
            java.util.List<String> command = new java.util.ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
            command.add(Long.toString(pid));
            command.addAll(java.util.List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
