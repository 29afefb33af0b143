package nl.startpakket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.startpakket.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run: {@code java -jar target/benchmarks.jar --quick} as documented, and only that
 * every figure was produced. The figures themselves are never judged here.
 */
class BenchmarkQuickRunIT {

    @Test
    void shouldProduceEveryFigureInQuickMode() throws Exception {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("built by the package phase").exists();
        Path output = Path.of("target", "benchmarks-quick-it.md");
        Files.deleteIfExists(output);
        Path log = Path.of("target", "benchmarks-quick-it.log");
        Process run = new ProcessBuilder(List.of(ServiceProcess.javaExecutable(), "-jar", jar.toString(), "--quick",
                "--output", output.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean ended = run.waitFor(30, TimeUnit.MINUTES);
        if (!ended) {
            run.destroy();
            run.waitFor(2, TimeUnit.MINUTES);
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the quick run ended; its output:\n" + tail(printed)).isTrue();
        assertThat(run.exitValue()).as("exit code (3 = a figure was not measured); output:\n" + tail(printed)).isZero();

        String markdown = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(markdown).doesNotContain("not measured", "## Failures");
        assertThat(markdown).contains("## Footprint", "## B1 raw Kafka", "## B2 raw MongoDB", "## B4 Axon append and load",
                "## B5 pipeline throughput", "## B6 latency", "## B7 projection rebuild", "## B8 recovery", "## B9 historic import",
                "## Risk: the tracking token's look-back window", "## Risk: the Kafka binder's producer settings");
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
