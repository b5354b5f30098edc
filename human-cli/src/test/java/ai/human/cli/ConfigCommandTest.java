package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @Test
    void printsTheConfigurationDetectUsesWithEveryOption() {
        Cli.Run run = Cli.run("config");

        assertThat(run.code()).isZero();
        JsonNode config = run.json();
        assertThat(config.get("cacheSensitivity").asDouble()).isZero();
        assertThat(config.get("face").get("detector").get("maxDetected").asInt()).isEqualTo(1);
        assertThat(config.get("modelBasePath").asText()).isEqualTo("classpath:/ai/human/models/");
    }

    @Test
    void fileIsMergedOverTheDefaultsAndSetWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my.json");
        Files.writeString(file, "{\"face\": {\"detector\": {\"maxDetected\": 7, \"minConfidence\": 0.4}}, \"cacheSensitivity\": 0.5}");

        Cli.Run run = Cli.run("config", "--config", file.toString(), "--set", "face.detector.maxDetected=9", "--backend", "djl");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode config = run.json();
        assertThat(config.get("face").get("detector").get("maxDetected").asInt()).isEqualTo(9);
        assertThat(config.get("face").get("detector").get("minConfidence").asDouble()).isEqualTo(0.4);
        assertThat(config.get("cacheSensitivity").asDouble()).isEqualTo(0.5);
        assertThat(config.get("backend").asText()).isEqualTo("djl");
        assertThat(config.get("face").get("mesh").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void badSetIsAUsageErrorNamingThePath() {
        Cli.Run run = Cli.run("config", "--set", "face.detector.maxDetected=many");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("face.detector.maxDetected", "many");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void validateAcceptsAValidFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, "{\"face\": {\"detector\": {\"maxDetected\": 5}}}");

        Cli.Run run = Cli.run("config", "validate", file.toString());

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly(file + ": valid");
    }

    @Test
    void validateListsEveryErrorWithItsDottedPathAndFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"face\": {\"detector\": {\"maxDetectd\": 5, \"minConfidence\": 3}, \"iris\": {\"enabled\": \"yes\"}},"
                + " \"bodyy\": {}}");

        Cli.Run run = Cli.run("config", "validate", file.toString());

        assertThat(run.code()).isEqualTo(ExitCode.FAILED);
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.out()).contains(file + ": face.detector.maxDetectd: ", "did you mean 'face.detector.maxDetected'",
                file + ": face.detector.minConfidence: ", file + ": face.iris.enabled: ", file + ": bodyy: ");
        assertThat(run.err()).contains("has 4 errors");
    }

    @Test
    void validateReportsMalformedJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"face\": ");

        Cli.Run run = Cli.run("config", "validate", file.toString());

        assertThat(run.code()).isEqualTo(ExitCode.FAILED);
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.out()).contains(file.toString());
    }

    @Test
    void validateOfAMissingFileIsAUsageError(@TempDir Path dir) {
        Cli.Run run = Cli.run("config", "validate", dir.resolve("none.json").toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("none.json", "no such file");
    }

    @Test
    void validateWithoutAFileIsAUsageError() {
        Cli.Run run = Cli.run("config", "validate");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("FILE");
    }
}
