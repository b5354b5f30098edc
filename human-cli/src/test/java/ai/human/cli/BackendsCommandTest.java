package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void listsBothProvidersWithPriorityAliasesAndAvailability() {
        Cli.Run run = Cli.run("backends");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^tensorflow\\s+100\\s+tf\\s+yes\\s+TensorFlow")
                .containsPattern("(?m)^djl\\s+50\\s+-\\s+yes\\s+PyTorch")
                .contains("ai.human.backend.tf.TfBackendProvider", "ai.human.backend.djl.DjlBackendProvider");
    }

    @Test
    void withoutANameTheHighestPriorityAvailableProviderIsChosen() {
        Cli.Run run = Cli.run("backends");

        assertThat(run.outLines()).last().isEqualTo("Chosen: tensorflow (highest-priority available provider)");
    }

    @Test
    void aNamedBackendIsChosenAndTheReasonSaysWhereTheNameCameFrom() {
        Cli.Run run = Cli.run("backends", "--backend", "djl");

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).last().isEqualTo("Chosen: djl (config backend='djl')");
    }

    @Test
    void anAliasChoosesItsProvider() {
        Cli.Run run = Cli.run("backends", "--set", "backend=TF");

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).last().isEqualTo("Chosen: tensorflow (config backend='TF')");
    }

    @Test
    void anUnknownBackendIsAUsageErrorListingTheProvidersFound() {
        Cli.Run run = Cli.run("backends", "--backend", "onnx");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.outLines()).last().isEqualTo("Chosen: none");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("'onnx'", "tensorflow (priority 100, available", "djl (priority 50, available");
    }
}
