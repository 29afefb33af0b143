package nl.startpakket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path cache;

    private final Path execJar = Service.REFERRAL.jarIn(Path.of("").toAbsolutePath().getParent());

    private ClassDataSharing cds;

    @org.junit.jupiter.api.BeforeEach
    void cacheInTheTemporaryDirectory() {
        // java -version loads a few hundred classes: enough for an archive in these tests
        cds = new ClassDataSharing(cache, 100);
    }

    @Test
    void shouldRecordTheLoadedClassesThenBuildAnArchiveThatTheNextRunUses() throws Exception {
        ClassDataSharing.Launch first = cds.prepare("referral-service", execJar);
        assertThat(first.jar()).startsWith(cache.resolve("referral-service")).isRegularFile();
        assertThat(first.jvmOptions()).anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList="));

        runVersion(first);
        cds.buildMissingArchives(List.of("referral-service"));
        assertThat(cache.resolve("referral-service/classes.jsa")).isRegularFile();

        ClassDataSharing.Launch second = cds.prepare("referral-service", execJar);
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
        runVersion(second);
    }

    @Test
    void shouldNotBuildAnArchiveFromAListCutOffEarly() throws Exception {
        runVersion(cds.prepare("referral-service", execJar));

        new ClassDataSharing(cache).buildMissingArchives(List.of("referral-service"));

        assertThat(cache.resolve("referral-service/classes.jsa")).doesNotExist();
    }

    @Test
    void shouldDropADamagedArchiveInsteadOfCrashingTheService() throws Exception {
        runVersion(cds.prepare("referral-service", execJar));
        cds.buildMissingArchives(List.of("referral-service"));
        Path archive = cache.resolve("referral-service/classes.jsa");
        byte[] whole = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(archive, Arrays.copyOf(whole, whole.length / 3));

        ClassDataSharing.Launch launch = cds.prepare("referral-service", execJar);

        assertThat(launch.jvmOptions()).anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList="));
        assertThat(archive).doesNotExist();
    }

    @Test
    void shouldFallBackToTheExecutableJarWhenItCannotBeExtracted() throws Exception {
        Path notABootJar = Files.writeString(cache.resolve("broken-exec.jar"), "not a jar");

        ClassDataSharing.Launch launch = new ClassDataSharing(cache.resolve("cache")).prepare("broken", notABootJar);

        assertThat(launch.jar()).isEqualTo(notABootJar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    void shouldLeaveOutOnlyTheLambdasOfClassesTheFailedDumpSkipped() throws Exception {
        Path list = Files.write(cache.resolve("classes.lst"), List.of(
                "java/lang/Object id: 0",
                "net/sf/saxon/om/NamespaceUri",
                "@lambda-proxy net/sf/saxon/om/NamespaceUri apply ()Ljava/util/function/Function; REF_newInvokeSpecial",
                "@lambda-proxy nl/startpakket/billing/Invoice apply ()Ljava/util/function/Function; REF_invokeStatic",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L"));
        Path log = Files.write(cache.resolve("dump.log"), List.of(
                "[23.984s][warning][cds] Skipping net/sf/saxon/om/NamespaceUri: Signed JAR",
                "#  SIGSEGV (0xb) at pc=0x00007faea6a5d75c"));
        Path retry = cache.resolve("classes.lst.retry");

        assertThat(ClassDataSharing.writeWithoutLambdasOfSkippedClasses(list, log, retry)).isTrue();

        assertThat(Files.readAllLines(retry)).containsExactly(
                "java/lang/Object id: 0",
                "net/sf/saxon/om/NamespaceUri",
                "@lambda-proxy nl/startpakket/billing/Invoice apply ()Ljava/util/function/Function; REF_invokeStatic",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L");
    }

    @Test
    void shouldNotTryAgainWhenTheFailedDumpSkippedNoClassWithLambdas() throws Exception {
        Path list = Files.write(cache.resolve("classes.lst"), List.of(
                "@lambda-proxy nl/startpakket/billing/Invoice apply ()Ljava/util/function/Function; REF_invokeStatic"));
        Path log = Files.write(cache.resolve("dump.log"), List.of("Error: out of disk space"));

        assertThat(ClassDataSharing.writeWithoutLambdasOfSkippedClasses(list, log, cache.resolve("retry"))).isFalse();
    }

    /** A short JVM run on the extracted jar's class path with the launch options. */
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
