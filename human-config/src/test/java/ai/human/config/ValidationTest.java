package ai.human.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class ValidationTest {

    private static List<ConfigError> errorsOf(String json) {
        return HumanConfig.validate(json);
    }

    private static ConfigError onlyError(String json) {
        List<ConfigError> errors = errorsOf(json);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void validDocumentHasNoErrors() {
        assertThat(errorsOf("{\"face\":{\"detector\":{\"maxDetected\":3}},\"body\":{\"maxDetected\":-1}}")).isEmpty();
    }

    @Test
    void unknownKeySuggestsTheNearestSibling() {
        ConfigError error = onlyError("{\"face\":{\"detector\":{\"maxDetectd\":5}}}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.UNKNOWN_KEY);
        assertThat(error.path()).isEqualTo("face.detector.maxDetectd");
        assertThat(error.suggestion()).contains("face.detector.maxDetected");
        assertThat(error.message()).contains("did you mean 'face.detector.maxDetected'?");
    }

    @Test
    void unknownKeySuggestionIgnoresCaseAndCatchesSwappedLetters() {
        assertThat(onlyError("{\"modelbasepath\":\"x\"}").suggestion()).contains("modelBasePath");
        assertThat(onlyError("{\"face\":{\"emotoin\":{}}}").suggestion()).contains("face.emotion");
        assertThat(onlyError("{\"hand\":{\"minConf\":0.1}}").suggestion()).contains("hand.minConfidence");
    }

    @Test
    void keyPutAtTheWrongLevelSuggestsWhereItBelongs() {
        ConfigError error = onlyError("{\"face\":{\"minConfidence\":0.5}}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.UNKNOWN_KEY);
        assertThat(error.suggestion()).contains("face.detector.minConfidence");
    }

    @Test
    void unknownKeyWithNothingCloseListsTheKnownKeys() {
        ConfigError error = onlyError("{\"gesture\":{\"colour\":\"red\"}}");

        assertThat(error.suggestion()).isEmpty();
        assertThat(error.message()).contains("known here: enabled");
    }

    @Test
    void stringForANumberIsAWrongTypeWithAFix() {
        ConfigError error = onlyError("{\"face\":{\"detector\":{\"maxDetected\":\"5\"}}}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.WRONG_TYPE);
        assertThat(error.path()).isEqualTo("face.detector.maxDetected");
        assertThat(error.message()).contains("whole number").contains("without quotes: 5").contains("default: 1");
    }

    @Test
    void wrongTypesOfEveryShapeAreReported() {
        List<ConfigError> errors = errorsOf("""
                { "debug": "yes", "cacheSensitivity": true, "backend": 3, "flags": [],
                  "backendOptions": { "threads": { "n": 1 } }, "gesture": false, "warmup": 1,
                  "face": { "iris": { "scale": null } }, "body": { "skipTime": 2.5 } }
                """);

        assertThat(errors).extracting(ConfigError::path, ConfigError::kind).containsExactly(
                tuple("debug", ConfigError.Kind.WRONG_TYPE),
                tuple("cacheSensitivity", ConfigError.Kind.WRONG_TYPE),
                tuple("backend", ConfigError.Kind.WRONG_TYPE),
                tuple("flags", ConfigError.Kind.WRONG_TYPE),
                tuple("backendOptions.threads", ConfigError.Kind.WRONG_TYPE),
                tuple("gesture", ConfigError.Kind.WRONG_TYPE),
                tuple("warmup", ConfigError.Kind.WRONG_TYPE),
                tuple("face.iris.scale", ConfigError.Kind.WRONG_TYPE),
                tuple("body.skipTime", ConfigError.Kind.WRONG_TYPE));
        assertThat(errors.get(7).message()).contains("found null").contains("remove the key");
    }

    @Test
    void valuesOutOfRangeAreReported() {
        List<ConfigError> errors = errorsOf("""
                { "cacheSensitivity": 1.5,
                  "face": { "detector": { "maxDetected": -1, "minConfidence": -0.1, "iouThreshold": 2,
                                          "skipFrames": -1, "skipTime": -5, "scale": 0, "minSize": -2 },
                            "iris": { "scale": -1 }, "emotion": { "minConfidence": 1.01 } },
                  "body": { "maxDetected": -2 }, "hand": { "maxDetected": 0 }, "object": { "maxDetected": -1 },
                  "segmentation": { "ratio": 0 }, "filter": { "brightness": 2, "hue": 361, "width": -1 },
                  "maxImagePixels": 0 }
                """);

        assertThat(errors).allSatisfy(error -> assertThat(error.kind()).isEqualTo(ConfigError.Kind.OUT_OF_RANGE));
        assertThat(errors).extracting(ConfigError::path).containsExactly(
                "cacheSensitivity",
                "face.detector.maxDetected", "face.detector.minConfidence", "face.detector.iouThreshold",
                "face.detector.skipFrames", "face.detector.skipTime", "face.detector.scale", "face.detector.minSize",
                "face.iris.scale", "face.emotion.minConfidence",
                "body.maxDetected", "hand.maxDetected", "object.maxDetected",
                "segmentation.ratio", "filter.brightness", "filter.hue", "filter.width",
                "maxImagePixels");
        assertThat(errors.get(1).message()).contains("-1 is out of range").contains("at least 1").contains("default: 1");
        assertThat(errors.get(10).message()).contains("or -1 (automatic");
    }

    @Test
    void humansAutomaticMinusOneIsAllowedForBodyAndHand() {
        assertThat(errorsOf("{\"body\":{\"maxDetected\":-1},\"hand\":{\"maxDetected\":-1}}")).isEmpty();
    }

    @Test
    void boundaryValuesAreAllowed() {
        assertThat(errorsOf("""
                { "cacheSensitivity": 0, "face": { "detector": { "minConfidence": 1, "iouThreshold": 0, "skipFrames": 0,
                  "skipTime": 0, "scale": 0.01 } }, "segmentation": { "ratio": 1 }, "filter": { "hue": 360, "contrast": -1 } }
                """)).isEmpty();
    }

    @Test
    void numberTooLargeForItsOptionIsOutOfRange() {
        ConfigError error = onlyError("{\"body\":{\"skipTime\":3000000000}}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.OUT_OF_RANGE);
        assertThat(error.message()).contains("too large");
    }

    @Test
    void invalidChoiceListsTheAllowedValues() {
        ConfigError error = onlyError("{\"segmentation\":{\"mode\":\"transparent\"}}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.INVALID_VALUE);
        assertThat(error.message()).contains("\"default\", \"alpha\", \"foreground\", \"state\"");
    }

    @Test
    void malformedJsonIsASyntaxErrorWithItsPosition() {
        ConfigError error = onlyError("{\n  \"debug\": true,\n}");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.SYNTAX);
        assertThat(error.path()).isEmpty();
        assertThat(error.message()).contains("line 3");
        assertThat(onlyError("").kind()).isEqualTo(ConfigError.Kind.SYNTAX);
        assertThat(onlyError("{} {}").kind()).isEqualTo(ConfigError.Kind.SYNTAX);
    }

    @Test
    void documentThatIsNotAnObjectIsAWrongType() {
        ConfigError error = onlyError("[1, 2]");

        assertThat(error.kind()).isEqualTo(ConfigError.Kind.WRONG_TYPE);
        assertThat(error.path()).isEmpty();
    }

    @Test
    void missingFileIsUnreadable(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThat(HumanConfig.validate(missing)).extracting(ConfigError::kind).containsExactly(ConfigError.Kind.UNREADABLE);
        assertThatThrownBy(() -> HumanConfig.fromFile(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.json");
    }

    @Test
    void severalErrorsInOneDocumentAreAllReportedTogetherInDocumentOrder() {
        String json = """
                { "face": { "detector": { "maxDetectd": 5, "minConfidence": "0.3" }, "iris": { "scale": 0 } },
                  "warmup": "quick", "leakDetection": "everything", "hand": { "skipFrames": -1 }, "colour": 1 }
                """;

        List<ConfigError> errors = HumanConfig.validate(json);

        assertThat(errors).extracting(ConfigError::path, ConfigError::kind).containsExactly(
                tuple("face.detector.maxDetectd", ConfigError.Kind.UNKNOWN_KEY),
                tuple("face.detector.minConfidence", ConfigError.Kind.WRONG_TYPE),
                tuple("face.iris.scale", ConfigError.Kind.OUT_OF_RANGE),
                tuple("warmup", ConfigError.Kind.INVALID_VALUE),
                tuple("leakDetection", ConfigError.Kind.INVALID_VALUE),
                tuple("hand.skipFrames", ConfigError.Kind.OUT_OF_RANGE),
                tuple("colour", ConfigError.Kind.UNKNOWN_KEY));
        assertThatThrownBy(() -> HumanConfig.fromJson(json))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).isEqualTo(errors);
                    assertThat(e).isInstanceOf(ai.human.error.HumanException.class);
                    assertThat(e.getMessage()).contains("7 errors");
                    errors.forEach(error -> assertThat(e.getMessage()).contains(error.path() + ": "));
                });
    }

    @Test
    void instanceBuiltWithNewReportsItsRangeProblems() {
        HumanConfig d = HumanConfig.defaults();
        BodyConfig badBody = new BodyConfig(true, "movenet-lightning.json", -5, 0.3, 1, 200);
        HumanConfig built = new HumanConfig(d.backend(), d.modelBasePath(), d.cacheModels(), d.validateModels(), d.wasmPath(),
                d.wasmPlatformFetch(), d.debug(), d.async(), d.warmup(), 2.0, d.skipAllowed(), d.deallocate(), d.flags(),
                d.softwareKernels(), d.filter(), d.gesture(), d.face(), badBody, d.hand(), d.object(), d.segmentation(),
                d.leakDetection(), d.maxImagePixels(), d.backendOptions());

        assertThat(built.validationErrors()).extracting(ConfigError::path)
                .containsExactly("cacheSensitivity", "body.maxDetected");
        assertThat(HumanConfig.defaults().validationErrors()).isEmpty();
    }
}
