package ai.human.cli;

import ai.human.tensor.MemoryInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One row of {@code human soak}: the backend's live tensors and bytes, the JVM heap in use and the process's resident
 * set size, after a number of iterations.
 *
 * @param iteration   iterations done
 * @param tensors     live tensors ({@code Human.memory()})
 * @param bytes       live tensor bytes
 * @param heapBytes   JVM heap in use (total minus free)
 * @param rssBytes    resident set size ({@code VmRSS} of {@code /proc/self/status}), or -1 where there is none
 * @param leaks       leak reports seen so far
 * @param millisPerIteration mean time of the iterations since the previous row, or -1 for the first row
 */
record MemorySample(long iteration, long tensors, long bytes, long heapBytes, long rssBytes, long leaks,
                    double millisPerIteration) {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double MB = 1024.0 * 1024.0;

    /** The figures now. */
    static MemorySample take(long iteration, MemoryInfo memory, long leaks, double millisPerIteration) {
        Runtime runtime = Runtime.getRuntime();
        return new MemorySample(iteration, memory.tensors(), memory.bytes(), runtime.totalMemory() - runtime.freeMemory(),
                residentSetBytes(), leaks, millisPerIteration);
    }

    /** {@code VmRSS} of this process in bytes, or -1 when {@code /proc/self/status} is missing (not Linux). */
    static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // the kernel writes kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String header() {
        return String.format(Locale.ROOT, "%10s %8s %14s %9s %9s %6s %8s  %s", "iteration", "tensors", "bytes", "heap MB",
                "RSS MB", "leaks", "ms/iter", "note");
    }

    String row(String note) {
        return String.format(Locale.ROOT, "%10d %8d %14d %9.1f %9s %6d %8s  %s", iteration, tensors, bytes, heapBytes / MB,
                rssBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", rssBytes / MB), leaks,
                millisPerIteration < 0 ? "-" : String.format(Locale.ROOT, "%.1f", millisPerIteration), note).stripTrailing();
    }

    /**
     * The growth from {@code base} to this sample, e.g. {@code tensors +0, bytes +0, heap +1.2 MB (+2.0%), RSS +3.1 MB
     * (+0.4%)}.
     */
    String growthSince(MemorySample base) {
        return String.format(Locale.ROOT, "tensors %+d, bytes %+d, heap %s, RSS %s", tensors - base.tensors,
                bytes - base.bytes, change(base.heapBytes, heapBytes), rssBytes < 0 || base.rssBytes < 0 ? "n/a"
                        : change(base.rssBytes, rssBytes));
    }

    /** RSS growth since {@code base} in percent of the base, or NaN without RSS figures. */
    double rssGrowthPercent(MemorySample base) {
        return rssBytes < 0 || base.rssBytes <= 0 ? Double.NaN : 100.0 * (rssBytes - base.rssBytes) / base.rssBytes;
    }

    private static String change(long from, long to) {
        return String.format(Locale.ROOT, "%+.1f MB (%+.1f%%)", (to - from) / MB, from == 0 ? 0 : 100.0 * (to - from) / from);
    }
}
