package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NativeLogFilterTest {
    private static final String END = "\u0000end\n";
    /** The two lines TensorFlow 2.18 prints on the first graph session (measured, TF Java 1.1.0). */
    private static final String ABSL_NOTICE = "WARNING: All log messages before absl::InitializeLog() is called are"
            + " written to STDERR\n";
    private static final String MLIR = "I0000 00:00:1796702693.374148    8200 mlir_graph_optimization_pass.cc:401] MLIR V1"
            + " optimization pass is not enabled\n";
    /** TensorFlow's own INFO format, with a continuation line (printed without TF_CPP_MIN_LOG_LEVEL). */
    private static final String CPU_GUARD = "2026-12-08 04:08:41.230861: I tensorflow/core/platform/cpu_feature_guard.cc:210]"
            + " This TensorFlow binary is optimized to use available CPU instructions in performance-critical operations.\n"
            + "To enable the following instructions: AVX2 FMA, in other operations, rebuild TensorFlow with the appropriate"
            + " compiler flags.\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final NativeLogFilter filter = new NativeLogFilter(out, END.getBytes(StandardCharsets.ISO_8859_1));

    @Test
    void dropsTensorFlowsStartUpLinesAsTheyArrive() throws IOException {
        feed(ABSL_NOTICE);
        feed(MLIR);
        feed(CPU_GUARD);
        filter.finish();

        assertThat(passed()).isEmpty();
    }

    @Test
    void passesWarningsErrorsAndOtherLinesUnchanged() throws IOException {
        String warning = "W0000 00:00:1796702693.374148    8200 some_op.cc:12] a real warning\n";
        String error = "2026-12-08 04:08:41.230861: E tensorflow/core/framework/op_kernel.cc:1817] OP_REQUIRES failed\n"
                + "with a second line\n";
        String other = "OpenJDK 64-Bit Server VM warning: something the JVM says\n";
        String absl = "E1208 04:08:41.230861   21403 session.cc:12] after absl::InitializeLog, with a date\n";

        feed(warning);
        feed(MLIR + error);
        feed(other);
        feed(absl);
        filter.finish();

        assertThat(passed()).isEqualTo(warning + error + other + absl);
    }

    @Test
    void anInfoRecordsContinuationIsDroppedOnlyInTheSameRead() throws IOException {
        feed(CPU_GUARD + "W0000 00:00:1.000002 1 a.cc:2] kept\nits continuation\nI0000 00:00:1.000001 1 a.cc:1] info\n");
        feed("a line on its own\n");
        filter.finish();

        assertThat(passed()).isEqualTo("W0000 00:00:1.000002 1 a.cc:2] kept\nits continuation\na line on its own\n");
    }

    @Test
    void aLineSplitOverReadsIsDecidedWhenComplete() throws IOException {
        feed(MLIR.substring(0, 20));
        assertThat(passed()).isEmpty();
        feed(MLIR.substring(20) + "other");
        assertThat(passed()).isEmpty();
        feed(" line\n");

        assertThat(passed()).isEqualTo("other line\n");
    }

    @Test
    void aLastLineWithoutNewlinePassesAtTheEnd() throws IOException {
        feed("no newline");
        filter.finish();

        assertThat(passed()).isEqualTo("no newline");
    }

    @Test
    void theEndLineEndsTheStreamEvenAfterAnUnfinishedLine() throws IOException {
        assertThat(feed("kept\npartial")).isFalse();
        assertThat(feed(END + "after the end\n")).isTrue();
        filter.finish();

        assertThat(passed()).isEqualTo("kept\npartial");
    }

    @Test
    void bytesPassUnchanged() throws IOException {
        byte[] utf8 = "Ünïcödé ✓ line\n".getBytes(StandardCharsets.UTF_8);
        filter.accept(utf8, utf8.length);

        assertThat(out.toByteArray()).isEqualTo(utf8);
    }

    @Test
    void severityIsReadFromBothFormats() {
        assertThat(NativeLogFilter.severity(MLIR)).isEqualTo("I");
        assertThat(NativeLogFilter.severity(CPU_GUARD)).isEqualTo("I");
        assertThat(NativeLogFilter.severity("F1208 04:08:41.230861   21403 x.cc:1] fatal")).isEqualTo("F");
        assertThat(NativeLogFilter.severity("I am a sentence] with a bracket")).isNull();
        assertThat(NativeLogFilter.severity("human detect: 1 image in 2.1 s")).isNull();
    }

    private boolean feed(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return filter.accept(bytes, bytes.length);
    }

    private String passed() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
