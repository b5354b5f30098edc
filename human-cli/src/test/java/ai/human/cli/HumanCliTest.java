package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanCliTest {

    @Test
    void withoutACommandPrintsTheUsageAndExitsWithTheUsageCode() {
        Cli.Run run = Cli.run();

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Usage: human", "detect", "name a command");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("detect", "match", "backends", "config", "models", "samples", "Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect", "match", "backends", "config", "config validate", "models", "models verify", "samples"})
    void everyCommandHasHelp(String command) {
        Cli.Run run = Cli.run((command + " --help").split(" "));

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: human " + command + " [-h");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionNamesTheBuildAndHumansVersion() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("human (Human for Java)", "Human 3.3.6").doesNotContain("${project.version}");
    }

    @Test
    void unknownCommandIsOneLineAndAUsageError() {
        Cli.Run run = Cli.run("detekt");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("detekt", "human --help");
    }

    @Test
    void unknownOptionIsOneLineSayingWhereHelpIs() {
        Cli.Run run = Cli.run("detect", "--bogus");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("human detect: Unknown option: '--bogus'; see 'human detect --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verboseIsFoundAloneOrInAGroupOfShortOptions() {
        assertThat(Logging.verboseRequested(new String[] {"detect", "--verbose"})).isTrue();
        assertThat(Logging.verboseRequested(new String[] {"detect", "-qv"})).isTrue();
        assertThat(Logging.verboseRequested(new String[] {"detect", "-q", "--version"})).isFalse();
        assertThat(Logging.verboseRequested(new String[] {"detect", "--", "-v"})).isFalse();
    }

    @Test
    void internalErrorsSayHowToSeeTheStackTrace() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);

        int code = Errors.report(new IllegalStateException("boom"), "human detect", err, false);

        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList())
                .isEqualTo(List.of("human detect: internal error: java.lang.IllegalStateException: boom (run with --verbose"
                        + " for the stack trace)"));
    }
}
