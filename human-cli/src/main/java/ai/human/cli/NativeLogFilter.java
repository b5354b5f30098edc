package ai.human.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes what native libraries write on stderr, line by line, without the informational records of TensorFlow's
 * logging: what {@code TF_CPP_MIN_LOG_LEVEL=1} promises and TensorFlow 2.18 does not keep for the lines it logs through
 * its own copy of absl. Dropped:
 * <ul>
 *   <li>absl's notice {@code WARNING: All log messages before absl::InitializeLog() is called are written to STDERR};</li>
 *   <li>absl INFO records, {@code I0000 00:00:1796702693.374148    8200 mlir_graph_optimization_pass.cc:401] ...}
 *       (or with a date and time once absl is initialised);</li>
 *   <li>TensorFlow's own INFO records, {@code 2026-12-08 04:08:40.129878: I tensorflow/core/util/port.cc:153] ...},</li>
 * </ul>
 * each with the lines that continue it (lines that arrive in the same read and start no record of their own: a
 * record is written at once, so its continuation lines come with it). Warnings, errors and any other line pass
 * unchanged, byte for byte. Lines are decided when complete; {@link #finish} passes a last line without newline.
 *
 * <p>Not thread-safe: one reader feeds it.
 */
final class NativeLogFilter {
    static final String ABSL_NOTICE = "WARNING: All log messages before absl::InitializeLog() is called are written to"
            + " STDERR";

    /** absl: severity letter, MMDD (0000 before initialisation), time, thread id, file:line]. */
    private static final Pattern ABSL_RECORD = Pattern.compile("^([IWEF])\\d{4} \\d{2}:\\d{2}:\\d+\\.\\d{6} +\\d+ \\S+:\\d+\\] ");
    /** TensorFlow's (tsl) own format: date time.micros: severity file:line]. */
    private static final Pattern TSL_RECORD = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}: ([IWEF]) \\S+:\\d+\\] ");

    private final OutputStream out;
    private final byte[] endLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean inInfoRecord;

    /**
     * @param endLine a line (with its newline) that ends the stream when it arrives: it and whatever follows it are
     *                not passed on
     */
    NativeLogFilter(OutputStream out, byte[] endLine) {
        this.out = out;
        this.endLine = endLine.clone();
    }

    /**
     * One read's bytes.
     *
     * @return true when the end line arrived (the rest of {@code bytes} is ignored)
     */
    boolean accept(byte[] bytes, int length) throws IOException {
        inInfoRecord = false; // continuation lines come in the same read as their record
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                byte[] complete = line.toByteArray();
                line.reset();
                start = i + 1;
                if (endsWithEndLine(complete)) {
                    if (complete.length > endLine.length) { // a native line left without its newline
                        out.write(complete, 0, complete.length - endLine.length);
                    }
                    out.flush();
                    return true;
                }
                decide(complete);
            }
        }
        line.write(bytes, start, length - start);
        out.flush();
        return false;
    }

    /** The end of the stream: a last line without newline passes as it is. */
    void finish() throws IOException {
        if (line.size() > 0) {
            out.write(line.toByteArray());
            line.reset();
        }
        out.flush();
    }

    private boolean endsWithEndLine(byte[] complete) {
        int from = complete.length - endLine.length;
        return from >= 0 && Arrays.equals(complete, from, complete.length, endLine, 0, endLine.length);
    }

    private void decide(byte[] complete) throws IOException {
        String text = new String(complete, StandardCharsets.ISO_8859_1).stripTrailing();
        String severity = severity(text);
        if (severity != null) {
            inInfoRecord = severity.equals("I");
        } else if (text.equals(ABSL_NOTICE)) {
            return;
        }
        if (!inInfoRecord) {
            out.write(complete);
        }
    }

    /** The severity letter when {@code text} starts a record of TensorFlow's logging, else null. */
    static String severity(String text) {
        Matcher absl = ABSL_RECORD.matcher(text);
        if (absl.find()) {
            return absl.group(1);
        }
        Matcher tsl = TSL_RECORD.matcher(text);
        return tsl.find() ? tsl.group(1) : null;
    }
}
