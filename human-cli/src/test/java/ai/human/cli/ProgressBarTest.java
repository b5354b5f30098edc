package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void barShowsCountRateAndEta() {
        assertThat(ProgressBar.render(5, 10, 10)).isEqualTo("[############------------]  5/10  0.5 img/s  ETA 0:10");
        assertThat(ProgressBar.render(10, 10, 4)).isEqualTo("[########################] 10/10  2.5 img/s  ETA 0:00");
    }

    @Test
    void beforeTheFirstImageRateAndEtaAreUnknown() {
        assertThat(ProgressBar.render(0, 3, 1)).isEqualTo("[------------------------] 0/3  -- img/s  ETA --:--");
    }

    @Test
    void durationsUseMinutesAndFromAnHourOnHours() {
        assertThat(ProgressBar.duration(0)).isEqualTo("0:00");
        assertThat(ProgressBar.duration(75)).isEqualTo("1:15");
        assertThat(ProgressBar.duration(3725)).isEqualTo("1:02:05");
    }

    @Test
    void disabledBarPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, false, () -> 0)) {
            bar.step();
            bar.step();
        }

        assertThat(bytes.size()).isZero();
    }

    @Test
    void enabledBarRedrawsInPlaceAtMostTenTimesASecondAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, true, clock::get)) {
            clock.set(50_000_000L);
            bar.step();                     // 50 ms after the first drawing: not drawn
            clock.set(1_000_000_000L);
            bar.step();                     // drawn
            clock.set(1_010_000_000L);
            bar.step();                     // the last one is always drawn
        }
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("1/3").contains("\r[################--------] 2/3", "\r[########################] 3/3")
                .endsWith(System.lineSeparator());
    }

    @Test
    void linesPrintedDuringTheBarAppearAboveIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), 2, true, () -> 0)) {
            bar.println(outStream, "a.jpg: 1 face");
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a.jpg: 1 face" + System.lineSeparator());
        int barWidth = ProgressBar.render(0, 2, 0).length();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\r" + " ".repeat(barWidth) + "\r");
    }
}
