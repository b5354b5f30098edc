package ai.human.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr: {@code [########------------]  4/10  2.1 img/s  ETA 0:03}, redrawn in place at
 * most ten times a second. It draws nothing when disabled (stderr is not a terminal, or {@code --no-progress}).
 */
final class ProgressBar implements AutoCloseable {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long start;
    private int done;
    private long lastDraw = Long.MIN_VALUE;
    private int lastWidth;

    ProgressBar(PrintStream err, int total, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        if (enabled) {
            draw(start);
        }
    }

    /** One more image done. */
    synchronized void step() {
        done++;
        long now = nanoClock.getAsLong();
        if (enabled && (done == total || now - lastDraw >= REDRAW_NANOS)) {
            draw(now);
        }
    }

    private void draw(long now) {
        lastDraw = now;
        String line = render(done, total, (now - start) / 1e9);
        String padding = " ".repeat(Math.max(0, lastWidth - line.length()));
        lastWidth = line.length();
        err.print("\r" + line + padding);
        err.flush();
    }

    /** Prints {@code line} on {@code stream} above the bar (the bar is cleared and drawn again below it). */
    synchronized void println(PrintStream stream, String line) {
        if (enabled) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
        stream.println(line);
        stream.flush();
        if (enabled) {
            draw(lastDraw);
        }
    }

    /** Ends the line. */
    @Override
    public synchronized void close() {
        if (enabled) {
            draw(nanoClock.getAsLong());
            err.println();
            err.flush();
        }
    }

    /** The bar for {@code done} of {@code total} images after {@code seconds}. */
    static String render(int done, int total, double seconds) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        String counts = String.format(Locale.ROOT, "%" + String.valueOf(total).length() + "d/%d", done, total);
        if (done == 0 || seconds <= 0) {
            return "[" + bar + "] " + counts + "  -- img/s  ETA --:--";
        }
        double rate = done / seconds;
        long eta = Math.round((total - done) / rate);
        return String.format(Locale.ROOT, "[%s] %s  %.1f img/s  ETA %s", bar, counts, rate, duration(eta));
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
