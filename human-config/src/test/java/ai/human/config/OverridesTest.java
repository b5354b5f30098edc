package ai.human.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class OverridesTest {
    private final HumanConfig defaults = HumanConfig.defaults();

    @Test
    void booleanOverrideSetsTheOption() {
        HumanConfig config = defaults.withOverride("face.detector.return", "true");

        assertThat(config.face().detector().returnTensor()).isTrue();
        FaceDetectorConfig d = FaceDetectorConfig.defaults();
        assertThat(config.face().detector()).isEqualTo(new FaceDetectorConfig(d.modelPath(), d.rotation(), d.maxDetected(),
                d.skipFrames(), d.skipTime(), d.minConfidence(), d.minSize(), d.iouThreshold(), d.scale(), d.mask(), true, d.square()));
    }

    @Test
    void booleanOverrideIgnoresCaseAndSurroundingSpace() {
        assertThat(defaults.withOverride("debug", " TRUE ").debug()).isTrue();
        assertThat(defaults.withOverride("async", "False").async()).isFalse();
    }

    @Test
    void integerOverrideSetsTheOption() {
        assertThat(defaults.withOverride("face.detector.maxDetected", "10").face().detector().maxDetected()).isEqualTo(10);
        assertThat(defaults.withOverride("body.maxDetected", "-1").body().maxDetected()).isEqualTo(-1);
        assertThat(defaults.withOverride("maxImagePixels", "50_000_000").maxImagePixels()).isEqualTo(50_000_000L);
    }

    @Test
    void decimalOverrideSetsTheOption() {
        assertThat(defaults.withOverride("face.detector.minConfidence", "0.55").face().detector().minConfidence()).isEqualTo(0.55);
        assertThat(defaults.withOverride("cacheSensitivity", "0").cacheSensitivity()).isZero();
        assertThat(defaults.withOverride("face.iris.scale", "2e0").face().iris().scale()).isEqualTo(2.0);
    }

    @Test
    void stringOverrideKeepsTheTextAsGiven() {
        HumanConfig config = defaults.withOverrides(List.of("modelBasePath=file:/models/a=b/", "backend=tensorflow"));

        assertThat(config.modelBasePath()).isEqualTo("file:/models/a=b/");
        assertThat(config.backend()).isEqualTo("tensorflow");
    }

    @Test
    void enumOverrideAcceptsJsonSpellingOrConstantName() {
        assertThat(defaults.withOverride("warmup", "face").warmup()).isEqualTo(Warmup.FACE);
        assertThat(defaults.withOverride("leakDetection", "ALL_WITH_CREATION_SITE").leakDetection())
                .isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        assertThat(defaults.withOverride("segmentation.mode", "state").segmentation().mode()).isEqualTo(SegmentationMode.STATE);
    }

    @Test
    void mapEntryOverrideSetsOneEntryAndKeepsTheOthers() {
        HumanConfig config = defaults.withOverrides(List.of("backendOptions.threads=2", "backendOptions.device=cpu"))
                .withOverride("backendOptions.threads", "4");

        assertThat(config.backendOptions()).containsExactly(Map.entry("threads", "4"), Map.entry("device", "cpu"));
    }

    @Test
    void flagEntryOverrideIsReadAsJsonWhenItIsJson() {
        HumanConfig config = defaults.withOverrides(List.of("flags.WEBGL_VERSION=2", "flags.DEBUG=true", "flags.NAME=abc"));

        assertThat(config.flags()).containsEntry("WEBGL_VERSION", 2L).containsEntry("DEBUG", true).containsEntry("NAME", "abc");
    }

    @Test
    void sectionOverrideTakesAJsonObjectAndMergesIt() {
        HumanConfig config = defaults.withOverride("face.detector", "{\"maxDetected\":7,\"rotation\":true}");

        assertThat(config.face().detector().maxDetected()).isEqualTo(7);
        assertThat(config.face().detector().rotation()).isTrue();
        assertThat(config.face().detector().modelPath()).isEqualTo("blazeface.json");
    }

    @Test
    void missingValueNamesThePath() {
        assertThatThrownBy(() -> defaults.withOverride("debug", null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("debug", ConfigError.Kind.WRONG_TYPE)));
    }

    @Test
    void laterOverridesWin() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("body.minConfidence", "0.4");
        overrides.put("body.enabled", "false");

        HumanConfig config = defaults.withOverrides(overrides).withOverrides(List.of("body.minConfidence=0.1", "body.minConfidence=0.9"));

        assertThat(config.body().minConfidence()).isEqualTo(0.9);
        assertThat(config.body().enabled()).isFalse();
    }

    @Test
    void badBooleanNamesThePath() {
        assertThatThrownBy(() -> defaults.withOverride("face.detector.return", "yes"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::path, ConfigError::kind)
                            .containsExactly(tuple("face.detector.return", ConfigError.Kind.WRONG_TYPE));
                    assertThat(e.getMessage()).contains("face.detector.return").contains("'yes'").contains("=true");
                });
    }

    @Test
    void badNumbersNameThePath() {
        assertThatThrownBy(() -> defaults.withOverrides(List.of("face.detector.maxDetected=ten", "object.maxDetected=2.5",
                "body.minConfidence=high", "face.detector.minConfidence=NaN")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(
                                tuple("face.detector.maxDetected", ConfigError.Kind.WRONG_TYPE),
                                tuple("object.maxDetected", ConfigError.Kind.WRONG_TYPE),
                                tuple("body.minConfidence", ConfigError.Kind.WRONG_TYPE),
                                tuple("face.detector.minConfidence", ConfigError.Kind.WRONG_TYPE)));
    }

    @Test
    void badEnumListsTheChoices() {
        assertThatThrownBy(() -> defaults.withOverride("warmup", "fast"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::kind).containsExactly(ConfigError.Kind.INVALID_VALUE);
                    assertThat(e.errors().get(0).message()).contains("\"none\"", "\"face\"", "\"full\"", "\"body\"");
                });
    }

    @Test
    void outOfRangeOverrideIsRejected() {
        assertThatThrownBy(() -> defaults.withOverride("hand.minConfidence", "1.5"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("hand.minConfidence", ConfigError.Kind.OUT_OF_RANGE)));
    }

    @Test
    void unknownPathSuggestsTheNearestKey() {
        assertThatThrownBy(() -> defaults.withOverride("face.detector.maxDetect", "3"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::kind).containsExactly(ConfigError.Kind.UNKNOWN_KEY);
                    assertThat(e.errors().get(0).suggestion()).contains("face.detector.maxDetected");
                });
    }

    @Test
    void pathBelowASingleValueIsRejected() {
        assertThatThrownBy(() -> defaults.withOverride("face.enabled.x", "true"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("face.enabled.x", ConfigError.Kind.UNKNOWN_KEY)));
    }

    @Test
    void sectionWithoutJsonObjectIsRejected() {
        assertThatThrownBy(() -> defaults.withOverride("face.detector", "true"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(tuple("face.detector", ConfigError.Kind.WRONG_TYPE)));
    }

    @Test
    void assignmentWithoutEqualsSignIsASyntaxError() {
        assertThatThrownBy(() -> defaults.withOverrides(List.of("debug", "=true")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::kind)
                        .containsExactly(ConfigError.Kind.SYNTAX, ConfigError.Kind.SYNTAX));
    }

    @Test
    void allBadOverridesAreReportedTogetherAndGoodOnesDoNotHideThem() {
        assertThatThrownBy(() -> defaults.withOverrides(List.of("debug=true", "face.detector.retrun=true",
                "body.skipFrames=-3", "no-equals-sign", "warmup=sometimes")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(
                                tuple("", ConfigError.Kind.SYNTAX),
                                tuple("face.detector.retrun", ConfigError.Kind.UNKNOWN_KEY),
                                tuple("body.skipFrames", ConfigError.Kind.OUT_OF_RANGE),
                                tuple("warmup", ConfigError.Kind.INVALID_VALUE)));
    }
}
