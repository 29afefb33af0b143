package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path cache;

    private final Path execJar = Service.REFERRAL.jarIn(Path.of("").toAbsolutePath().getParent());

    @Test
    void shouldExtractTheJarAndWriteTheArchiveOnTheFirstRunThenUseIt() throws Exception {
        ClassDataSharing cds = new ClassDataSharing(cache);

        ClassDataSharing.Launch first = cds.prepare("referral-service", execJar);
        assertThat(first.jar()).startsWith(cache.resolve("referral-service")).isRegularFile();
        assertThat(first.jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));

        runVersion(first);
        assertThat(cache.resolve("referral-service/classes.jsa")).isRegularFile();

        ClassDataSharing.Launch second = cds.prepare("referral-service", execJar);
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void shouldDropATruncatedArchiveInsteadOfCrashingTheService() throws Exception {
        ClassDataSharing cds = new ClassDataSharing(cache);
        runVersion(cds.prepare("referral-service", execJar));
        Path archive = cache.resolve("referral-service/classes.jsa");
        byte[] start = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(archive, java.util.Arrays.copyOf(start, start.length / 3));

        ClassDataSharing.Launch launch = cds.prepare("referral-service", execJar);

        assertThat(launch.jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(archive).doesNotExist();
    }

    @Test
    void shouldFallBackToTheExecutableJarWhenItCannotBeExtracted() throws Exception {
        Path notABootJar = Files.writeString(cache.resolve("broken-exec.jar"), "not a jar");

        ClassDataSharing.Launch launch = new ClassDataSharing(cache.resolve("cache")).prepare("broken", notABootJar);

        assertThat(launch.jar()).isEqualTo(notABootJar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    /** A short JVM run on the extracted jar's class path with the launch options: enough to write an archive. */
    private static void runVersion(ClassDataSharing.Launch launch) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-cp", launch.jar().toString(), "-version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
