package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCommandTest {

    @Test
    void listsTheSixSamples() {
        Cli.Run run = Cli.run("samples");

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).hasSize(6);
        assertThat(run.outLines().get(0)).startsWith("1  sample1.jpg").contains("144,516 bytes", "--sample 1");
    }

    @Test
    void extractWritesTheSamplesIntoAFolder(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("new/photos");

        Cli.Run run = Cli.run("samples", "--extract", target.toString());

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).hasSize(6);
        for (int n = 1; n <= 6; n++) {
            assertThat(Files.readAllBytes(target.resolve("sample" + n + ".jpg"))).isEqualTo(Samples.read(n));
        }
    }

    @Test
    void sampleNumbersAreParsedFromListsRangesAndAll() {
        assertThat(Samples.parse(List.of("1"))).containsExactly(1);
        assertThat(Samples.parse(List.of("2,5", "3"))).containsExactly(2, 5, 3);
        assertThat(Samples.parse(List.of("4-2"))).containsExactly(2, 3, 4);
        assertThat(Samples.parse(List.of("ALL"))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Samples.parse(List.of("1", "1,1"))).containsExactly(1);
        assertThat(Samples.parse(List.of())).isEmpty();
    }

    @Test
    void badSampleNumbersAreUsageErrors() {
        for (String bad : List.of("0", "7", "x", "1-9", "")) {
            assertThatThrownBy(() -> Samples.parse(List.of(bad))).as(bad)
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        }
    }
}
