package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.human.Human;
import ai.human.config.ConfigError;
import ai.human.config.ConfigError.Kind;
import ai.human.config.ConfigException;
import ai.human.config.HumanConfig;
import ai.human.backend.reference.ReferenceBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of configuration error through the API: JSON text, a file, one override, {@code key=value} overrides,
 * and {@code Human.create} with a configuration built with {@code new}. Each is a {@link ConfigException} listing
 * every problem with its dotted path and kind, and a message that says what to do. The command line's {@code --set}
 * and {@code config validate} are tested in the human-cli module.
 */
class ConfigErrorsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachKindOfErrorIsReportedWithItsPathFromJsonOrAFile(Kind kind) throws IOException {
        ConfigException e = switch (kind) {
            case UNKNOWN_KEY -> fromJson("{\"face\": {\"detector\": {\"maxDetectd\": 5}}}");
            case WRONG_TYPE -> fromJson("{\"face\": {\"iris\": {\"enabled\": \"yes\"}}}");
            case OUT_OF_RANGE -> fromJson("{\"face\": {\"detector\": {\"minConfidence\": 3}}}");
            case INVALID_VALUE -> fromJson("{\"warmup\": \"fast\"}");
            case SYNTAX -> fromJson("{\"face\": ");
            case UNREADABLE -> fromFile(Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'}));
        };
        assertThat(e.errors()).hasSize(1);
        ConfigError error = e.errors().get(0);
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.path()).isEqualTo(switch (kind) {
            case UNKNOWN_KEY -> "face.detector.maxDetectd";
            case WRONG_TYPE -> "face.iris.enabled";
            case OUT_OF_RANGE -> "face.detector.minConfidence";
            case INVALID_VALUE -> "warmup";
            case SYNTAX, UNREADABLE -> "";
        });
        assertThat(e.getMessage()).contains("invalid Human configuration", error.message());
        if (kind == Kind.UNKNOWN_KEY) {
            assertThat(error.suggestion()).isEqualTo(Optional.of("face.detector.maxDetected"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"UNKNOWN_KEY", "WRONG_TYPE", "OUT_OF_RANGE", "INVALID_VALUE", "SYNTAX"})
    void eachKindOfErrorIsReportedFromAKeyValueOverride(Kind kind) {
        String assignment = switch (kind) {
            case UNKNOWN_KEY -> "face.detector.maxDetectd=5";
            case WRONG_TYPE -> "face.iris.enabled=maybe";
            case OUT_OF_RANGE -> "face.detector.minConfidence=1.5";
            case INVALID_VALUE -> "warmup=fast";
            default -> "novalue";
        };
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HumanConfig.defaults().withOverrides(List.of(assignment)));
        assertThat(e.errors()).extracting(ConfigError::kind).containsExactly(kind);
        assertThat(e.getMessage()).contains(kind == Kind.SYNTAX ? "novalue" : assignment.substring(0, assignment.indexOf('=')));
    }

    @Test
    void missingFileIsUnreadableAndNamed() {
        Path missing = dir.resolve("none.json");
        ConfigException e = fromFile(missing);
        assertThat(e.errors()).extracting(ConfigError::kind).containsExactly(Kind.UNREADABLE);
        assertThat(e.getMessage()).contains("none.json");
        assertThat(HumanConfig.validate(missing)).extracting(ConfigError::kind).containsExactly(Kind.UNREADABLE);
    }

    @Test
    void allProblemsOfADocumentAreReportedAtOnceInDocumentOrder() {
        ConfigException e = fromJson("{\"warmup\": \"fast\", \"face\": {\"detector\": {\"maxDetectd\": 5, \"minConfidence\": -1},"
                + " \"iris\": {\"enabled\": 1}}, \"maxImagePixels\": 0}");
        assertThat(e.errors()).extracting(ConfigError::kind).containsExactly(Kind.INVALID_VALUE, Kind.UNKNOWN_KEY,
                Kind.OUT_OF_RANGE, Kind.WRONG_TYPE, Kind.OUT_OF_RANGE);
        assertThat(e.getMessage()).contains("5 errors");
        assertThat(HumanConfig.validate("{\"warmup\": \"fast\", \"face\": {\"detector\": {\"maxDetectd\": 5}}}")).hasSize(2);
    }

    @Test
    void humanCreateRefusesAConfigurationBuiltWithOutOfRangeValuesBeforeLoadingAnything() {
        HumanConfig d = HumanConfig.defaults();
        HumanConfig built = new HumanConfig(d.backend(), d.modelBasePath(), d.cacheModels(), d.validateModels(), d.wasmPath(),
                d.wasmPlatformFetch(), d.debug(), d.async(), d.warmup(), 3.0, d.skipAllowed(), d.deallocate(), d.flags(),
                d.softwareKernels(), d.filter(), d.gesture(), d.face(), d.body(), d.hand(), d.object(), d.segmentation(),
                d.leakDetection(), -5, d.backendOptions());
        try (ReferenceBackend backend = new ReferenceBackend()) {
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> Human.create(built, backend));
            assertThat(e.errors()).extracting(ConfigError::path).containsExactly("cacheSensitivity", "maxImagePixels");
            assertThat(e.errors()).extracting(ConfigError::kind).containsOnly(Kind.OUT_OF_RANGE);
            assertThat(e.getMessage()).contains("Human.create");
            assertThat(backend.memory().tensors()).isZero();
        }
    }

    private static ConfigException fromJson(String json) {
        return catchThrowableOfType(ConfigException.class, () -> HumanConfig.fromJson(json));
    }

    private static ConfigException fromFile(Path file) {
        return catchThrowableOfType(ConfigException.class, () -> HumanConfig.fromFile(file));
    }
}
