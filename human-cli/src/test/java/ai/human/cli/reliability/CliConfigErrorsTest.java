package ai.human.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.ConfigError.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of configuration error through the command line: {@code --set} (a usage error, exit code 2, one line per
 * problem naming the option), {@code --config FILE} and {@code config validate FILE} (exit code 1, one line per
 * problem with the file and the dotted path).
 */
class CliConfigErrorsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"UNKNOWN_KEY", "WRONG_TYPE", "OUT_OF_RANGE", "INVALID_VALUE", "SYNTAX"})
    void eachKindOfBadSetIsAUsageErrorNamingTheOption(Kind kind) {
        String assignment = switch (kind) {
            case UNKNOWN_KEY -> "face.detector.maxDetectd=5";
            case WRONG_TYPE -> "face.iris.enabled=maybe";
            case OUT_OF_RANGE -> "face.detector.minConfidence=1.5";
            case INVALID_VALUE -> "warmup=fast";
            default -> "novalue";
        };
        for (String command : List.of("config", "detect")) {
            List<String> args = new ArrayList<>(List.of(command, "--set", assignment));
            if (command.equals("detect")) {
                args.addAll(List.of("--sample", "1"));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.code()).as("%s exit code; stderr: %s", command, run.err()).isEqualTo(CliRun.USAGE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains("--set", kind == Kind.SYNTAX ? "novalue" : assignment.substring(0, assignment.indexOf('=')));
            assertThat(run.out()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachKindOfErrorInAFileIsListedByConfigValidateAndRefusedByConfig(Kind kind) throws IOException {
        Path file = dir.resolve("my.json");
        String path = switch (kind) {
            case UNKNOWN_KEY -> write(file, "{\"face\": {\"detector\": {\"maxDetectd\": 5}}}", "face.detector.maxDetectd");
            case WRONG_TYPE -> write(file, "{\"face\": {\"iris\": {\"enabled\": \"yes\"}}}", "face.iris.enabled");
            case OUT_OF_RANGE -> write(file, "{\"face\": {\"detector\": {\"minConfidence\": 3}}}", "face.detector.minConfidence");
            case INVALID_VALUE -> write(file, "{\"warmup\": \"fast\"}", "warmup");
            case SYNTAX -> write(file, "{\"face\": ", "(document)");
            case UNREADABLE -> {
                Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', '}'}); // Latin-1, not UTF-8
                yield "(document)";
            }
        };

        CliRun validate = CliRun.of("config", "validate", file.toString());
        assertThat(validate.code()).as("stderr: %s", validate.err()).isEqualTo(CliRun.FAILED);
        assertThat(validate.outLines()).hasSize(1);
        assertThat(validate.out()).startsWith(file + ": " + path + ": ");
        assertThat(validate.err()).contains("has 1 error");

        CliRun config = CliRun.of("config", "--config", file.toString());
        assertThat(config.code()).as("stderr: %s", config.err()).isEqualTo(CliRun.USAGE);
        assertThat(config.err()).contains(file.toString(), path);
        assertThat(config.out()).isEmpty();
    }

    private static String write(Path file, String json, String path) throws IOException {
        Files.writeString(file, json);
        return path;
    }
}
