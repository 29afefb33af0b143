package nl.startpakket.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resident memory (VmRSS) of a process, read from {@code /proc/<pid>/status} (Linux). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Resident bytes of process {@code pid}; 0 if it is gone or {@code /proc} is not there. */
    public static long ofProcess(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
            return 0;
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** Resident bytes of this JVM. */
    public static long ofThisProcess() {
        return ofProcess(ProcessHandle.current().pid());
    }

    /** {@code bytes} as mebibytes with no decimals, e.g. {@code "312 MiB"}. */
    public static String format(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
