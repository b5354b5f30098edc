package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code human soak} in this JVM with a few iterations, on both backends and in its three modes. */
class SoakCommandTest {
    /** Face models only: the loop is about the face crops, and fewer models load faster. */
    private static final List<String> FACE_ONLY = List.of("--set", "body.enabled=false", "--set", "hand.enabled=false");
    private static final Pattern GROWTH = Pattern.compile(
            "growth after warm-up \\(iteration (\\d+) -> (\\d+)\\): tensors ([+-]\\d+), bytes ([+-]\\d+), heap .*"
                    + "; faces found (\\d+); leak reports (\\d+)");

    private static Cli.Run soak(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("soak"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** The numbers of the table row of {@code iteration}. */
    private static long[] row(Cli.Run run, long iteration) {
        return run.outLines().stream().map(String::trim).filter(l -> l.startsWith(iteration + " "))
                .map(l -> l.split("\\s+")).map(cells -> new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2]),
                        Long.parseLong(cells[5])})
                .findFirst().orElseThrow(() -> new AssertionError("no row for iteration " + iteration + " in\n" + run.out()));
    }

    private static Matcher growth(Cli.Run run) {
        Matcher m = run.outLines().stream().map(GROWTH::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no growth line in\n" + run.out()));
        return m;
    }

    @Test
    void theProperLoopOnTensorflowWithHumansDefaultModelsEndsWhereTheWarmUpEnded() {
        Cli.Run run = soak("--backend", "tensorflow", "--iterations", "4", "--every", "2");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("4 iterations on tensorflow; proper release", "image sample1.jpg (1920x1280)",
                "leak detection sampled", "OK: no tensor or byte growth after warm-up");
        assertThat(row(run, 2)).isEqualTo(row(run, 4));
        assertThat(row(run, 2)[0]).as("the models' weights are live").isEqualTo(row(run, 0)[0]);
        Matcher growth = growth(run);
        assertThat(growth.group(1)).isEqualTo("2");
        assertThat(growth.group(2)).isEqualTo("4");
        assertThat(growth.group(3)).isEqualTo("+0");
        assertThat(growth.group(4)).isEqualTo("+0");
        assertThat(Long.parseLong(growth.group(5))).as("sample 1 has one face at maxDetected 1").isEqualTo(4);
        assertThat(growth.group(6)).isEqualTo("0");
    }

    @Test
    void theDeallocateLoopOnDjlEndsWhereTheWarmUpEnded() {
        List<String> args = new java.util.ArrayList<>(List.of("--backend", "djl", "--deallocate", "--iterations", "3",
                "--every", "1", "--sample", "2"));
        args.addAll(FACE_ONLY);
        Cli.Run run = soak(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("3 iterations on djl; deallocate: true", "image sample2.jpg",
                "OK: no tensor or byte growth after warm-up");
        assertThat(row(run, 1)).isEqualTo(row(run, 2)).isEqualTo(row(run, 3)).isEqualTo(row(run, 0));
        Matcher growth = growth(run);
        assertThat(growth.group(3)).isEqualTo("+0");
        assertThat(growth.group(4)).isEqualTo("+0");
    }

    @Test
    void theLeakLoopShowsTheDetectorsReportsWithWhereEachTensorWasCreatedAndEndsWithAllFreed() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Cli.Run run;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("--backend", "tensorflow", "--leak", "--iterations", "2",
                    "--every", "1"));
            args.addAll(FACE_ONLY);
            run = soak(args.toArray(String[]::new));
        } finally {
            System.setErr(original);
        }

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("deliberate leak", "leak detection all-with-creation-site");
        // each iteration drops the decoded image and one face crop (sample 1, maxDetected 1)
        assertThat(row(run, 1)[2]).isEqualTo(2);
        assertThat(row(run, 2)[2]).isEqualTo(4);
        assertThat(row(run, 2)[0]).as("everything lost was freed").isEqualTo(row(run, 0)[0]);
        assertThat(growth(run).group(6)).isEqualTo("4");
        assertThat(run.out()).contains("leak mode: 4 lost tensors were reported");
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("became unreachable without being closed", "owner CALLER", "owner RESULT",
                "Created in ai.human.cli.SoakMode", "full stack:", "ai.human.Human.decodeImage",
                "ai.human.Human.detect");
    }

    @Test
    void deallocateAndLeakExcludeEachOther() {
        Cli.Run run = soak("--deallocate", "--leak");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--deallocate and --leak exclude each other");
    }

    @Test
    void oneIterationIsTooFewForAWarmUpAndAMeasuredPart() {
        Cli.Run run = soak("--iterations", "1");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--iterations must be 2 or more");
    }

    @Test
    void aWarmUpAsLongAsTheRunIsRefused() {
        Cli.Run run = soak("--iterations", "10", "--warmup", "10");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--warmup must be between 1 and --iterations - 1 (9), got 10");
    }
}
