package ai.human.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class WithTest {
    private final HumanConfig defaults = HumanConfig.defaults();

    @Test
    void withSetsOneValueAndLeavesTheOriginalUnchanged() {
        HumanConfig config = defaults.with("face.detector.maxDetected", 5).with("face.detector.minConfidence", 0.35f);

        assertThat(config.face().detector().maxDetected()).isEqualTo(5);
        assertThat(config.face().detector().minConfidence()).isEqualTo(0.35);
        assertThat(defaults.face().detector().maxDetected()).isEqualTo(1);
    }

    @Test
    void typedWithersReplaceTheirValue() {
        HumanConfig config = defaults.withDebug(true).withWarmup(Warmup.NONE).withMaxImagePixels(1_000L)
                .withLeakDetection(LeakDetection.ALL).withBackend("djl").withCacheSensitivity(0);

        assertThat(config.debug()).isTrue();
        assertThat(config.warmup()).isEqualTo(Warmup.NONE);
        assertThat(config.maxImagePixels()).isEqualTo(1_000L);
        assertThat(config.leakDetection()).isEqualTo(LeakDetection.ALL);
        assertThat(config.backend()).isEqualTo("djl");
        assertThat(config.cacheSensitivity()).isZero();
    }

    @Test
    void withSectionReplacesTheWholeSection() {
        BodyConfig body = new BodyConfig(false, "movenet-lightning.json", 2, 0.4, 0, 0);

        assertThat(defaults.withBody(body).body()).isEqualTo(body);
    }

    @Test
    void withMapReplacesInsteadOfMerging() {
        HumanConfig config = defaults.withBackendOptions(Map.of("threads", "1")).withBackendOptions(Map.of("device", "cpu"));

        assertThat(config.backendOptions()).containsExactly(Map.entry("device", "cpu"));
        assertThat(config.with("backendOptions.threads", "3").backendOptions())
                .containsExactly(Map.entry("device", "cpu"), Map.entry("threads", "3"));
    }

    @Test
    void withRejectsOutOfRangeValuesWrongTypesAndUnknownPaths() {
        assertThatThrownBy(() -> defaults.with("face.detector.minConfidence", 3))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("face.detector.minConfidence", ConfigError.Kind.OUT_OF_RANGE)));
        assertThatThrownBy(() -> defaults.with("debug", "true"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("debug", ConfigError.Kind.WRONG_TYPE)));
        assertThatThrownBy(() -> defaults.with("face", Map.of("enabled", false)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("face", ConfigError.Kind.WRONG_TYPE)));
        assertThatThrownBy(() -> defaults.with("face.detektor.maxDetected", 2))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors().get(0).suggestion())
                        .contains("face.detector"));
        assertThatThrownBy(() -> defaults.with("body.maxDetected", Double.NaN))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind).containsExactly(ConfigError.Kind.WRONG_TYPE));
        assertThatThrownBy(() -> defaults.with("cacheSensitivity", Double.POSITIVE_INFINITY))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind).containsExactly(ConfigError.Kind.OUT_OF_RANGE));
        record Foreign(int x) {
        }
        assertThatThrownBy(() -> defaults.with("debug", new Foreign(1)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind).containsExactly(ConfigError.Kind.WRONG_TYPE));
        assertThatThrownBy(() -> defaults.with("face.detector", FaceMeshConfig.defaults()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind).containsExactly(ConfigError.Kind.WRONG_TYPE));
        assertThatThrownBy(() -> defaults.with("debug", new Object()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind).containsExactly(ConfigError.Kind.WRONG_TYPE));
    }

    @Test
    void withFlagsNormalisesValuesToPlainJava() {
        HumanConfig config = defaults.withFlags(Map.of("A", 1, "B", 2.5f, "C", Warmup.FACE));

        assertThat(config.flags()).containsEntry("A", 1L).containsEntry("B", 2.5).containsEntry("C", "face");
    }
}
