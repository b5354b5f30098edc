package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code human match} argument checks (no model runs before these fail). */
class MatchCommandTest {

    @Test
    void missingQueryIsAUsageError(@TempDir Path dir) {
        Cli.Run run = Cli.run("match", dir.resolve("me.jpg").toString(), dir.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("me.jpg", "no such image file");
    }

    @Test
    void missingFolderIsAUsageError(@TempDir Path dir) throws Exception {
        Path query = dir.resolve("me.jpg");
        Files.write(query, Samples.read(1));

        Cli.Run run = Cli.run("match", query.toString(), dir.resolve("friends").toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("friends", "no such folder");
    }

    @Test
    void aFolderHoldingOnlyTheQueryHasNothingToSearch(@TempDir Path dir) throws Exception {
        Path query = dir.resolve("me.jpg");
        Files.write(query, Samples.read(1));

        Cli.Run run = Cli.run("match", query.toString(), dir.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no .jpg, .jpeg or .png files to search");
    }

    @Test
    void matchingWithoutTheDescriptionModelIsRefused(@TempDir Path dir) throws Exception {
        Path query = dir.resolve("me.jpg");
        Files.write(query, Samples.read(1));
        Path folder = Files.createDirectories(dir.resolve("friends"));
        Files.write(folder.resolve("a.jpg"), Samples.read(2));

        Cli.Run run = Cli.run("match", query.toString(), folder.toString(), "--set", "face.description.enabled=false");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("face.description.enabled");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        Cli.Run run = Cli.run("match", "only-one.jpg");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("FOLDER");
    }
}
