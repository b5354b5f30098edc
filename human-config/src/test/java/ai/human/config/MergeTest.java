package ai.human.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeTest {

    @Test
    void nestedPartialJsonKeepsUnmentionedDefaults() {
        HumanConfig config = HumanConfig.fromJson("{\"face\":{\"detector\":{\"maxDetected\":5,\"return\":true}}}");

        assertThat(config.face().detector().maxDetected()).isEqualTo(5);
        assertThat(config.face().detector().returnTensor()).isTrue();
        FaceDetectorConfig expectedDetector = new FaceDetectorConfig("blazeface.json", false, 5, 99, 2500, 0.2, 0, 0.1,
                1.4, false, true, false);
        assertThat(config.face().detector()).isEqualTo(expectedDetector);
        assertThat(config.face().mesh()).isEqualTo(FaceMeshConfig.defaults());
        assertThat(config.face().enabled()).isTrue();
        assertThat(config.body()).isEqualTo(BodyConfig.defaults());
        assertThat(config.withFace(FaceConfig.defaults())).isEqualTo(HumanConfig.defaults());
    }

    @Test
    void emptyObjectGivesTheDefaults() {
        assertThat(HumanConfig.fromJson("{}")).isEqualTo(HumanConfig.defaults());
        assertThat(HumanConfig.fromJson(" { } \n")).isEqualTo(HumanConfig.defaults());
    }

    @Test
    void scalarsReplaceAndSectionsMergeKeyByKey() {
        HumanConfig config = HumanConfig.fromJson("""
                { "backend": "tensorflow", "warmup": "none",
                  "hand": { "detector": { "modelPath": "handdetect.json" }, "maxDetected": 4 } }
                """);

        assertThat(config.backend()).isEqualTo("tensorflow");
        assertThat(config.warmup()).isEqualTo(Warmup.NONE);
        assertThat(config.hand().detector().modelPath()).isEqualTo("handdetect.json");
        assertThat(config.hand().skeleton().modelPath()).isEqualTo("handlandmark-lite.json");
        assertThat(config.hand().maxDetected()).isEqualTo(4);
        assertThat(config.hand().minConfidence()).isEqualTo(0.5);
    }

    @Test
    void mergeAppliesOverAnExistingConfigurationNotOverTheDefaults() {
        HumanConfig first = HumanConfig.fromJson("{\"body\":{\"enabled\":false},\"debug\":true}");

        HumanConfig second = first.merge("{\"body\":{\"minConfidence\":0.6}}");

        assertThat(second.body().enabled()).isFalse();
        assertThat(second.body().minConfidence()).isEqualTo(0.6);
        assertThat(second.debug()).isTrue();
        assertThat(first.body().minConfidence()).as("the original is unchanged").isEqualTo(0.3);
    }

    @Test
    void mapsMergeEntryByEntryLikeObjects() {
        HumanConfig config = HumanConfig.fromJson("{\"backendOptions\":{\"threads\":\"1\",\"device\":\"cpu\"}}")
                .merge("{\"backendOptions\":{\"threads\":2}}");

        assertThat(config.backendOptions()).containsExactly(Map.entry("threads", "2"), Map.entry("device", "cpu"));
    }

    @Test
    void backendOptionNumbersAndBooleansAreKeptAsJavascriptText() {
        HumanConfig config = HumanConfig.fromJson("{\"backendOptions\":{\"threads\":1,\"big\":1e6,\"ratio\":0.5,\"fast\":true}}");

        assertThat(config.backendOptions()).containsExactly(Map.entry("threads", "1"), Map.entry("big", "1000000"),
                Map.entry("ratio", "0.5"), Map.entry("fast", "true"));
    }

    @Test
    void arraysConcatenateLikeHumansMergeDeepInsteadOfReplacing() {
        // Human 3.3.6 src/util/util.ts mergeDeep: both arrays -> pVal.concat(...oVal); arrays only occur in flags
        HumanConfig config = HumanConfig.fromJson("{\"flags\":{\"list\":[1,2],\"other\":[\"a\"]}}")
                .merge("{\"flags\":{\"list\":[3,[4,5]]}}");

        assertThat(config.flags().get("list")).isEqualTo(List.of(1L, 2L, 3L, 4L, 5L));
        assertThat(config.flags().get("other")).isEqualTo(List.of("a"));
    }

    @Test
    void anObjectAndAnArrayMergeAsObjectsWithIndexKeysLikeJavascript() {
        HumanConfig config = HumanConfig.fromJson("{\"flags\":{\"a\":{\"x\":1},\"b\":[1,2]}}")
                .merge("{\"flags\":{\"a\":[5],\"b\":{\"k\":1}}}");

        assertThat(config.flags().get("a")).isEqualTo(Map.of("x", 1L, "0", 5L));
        assertThat(config.flags().get("b")).isEqualTo(Map.of("0", 1L, "1", 2L, "k", 1L));
    }

    @Test
    void aScalarReplacesAnArrayAndAnArrayReplacesAScalar() {
        HumanConfig config = HumanConfig.fromJson("{\"flags\":{\"a\":[1],\"b\":true}}")
                .merge("{\"flags\":{\"a\":7,\"b\":[false]}}");

        assertThat(config.flags()).containsEntry("a", 7L).containsEntry("b", List.of(false));
    }

    @Test
    void nullForASectionIsRejectedInsteadOfWipingIt() {
        assertThatThrownBy(() -> HumanConfig.fromJson("{\"face\":{\"detector\":null}}"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path, ConfigError::kind)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("face.detector", ConfigError.Kind.WRONG_TYPE)));
    }

    @Test
    void wholeNumbersWrittenWithAFractionAreAcceptedLikeJavascriptNumbers() {
        HumanConfig config = HumanConfig.fromJson("{\"face\":{\"detector\":{\"maxDetected\":3.0}},\"maxImagePixels\":1e6}");

        assertThat(config.face().detector().maxDetected()).isEqualTo(3);
        assertThat(config.maxImagePixels()).isEqualTo(1_000_000L);
    }

    @Test
    void enumSpellingIsForgivingAndNormalised() {
        HumanConfig config = HumanConfig.fromJson("{\"warmup\":\"FULL\",\"leakDetection\":\"ALL_WITH_CREATION_SITE\",\"segmentation\":{\"mode\":\"Alpha\"}}");

        assertThat(config.warmup()).isEqualTo(Warmup.FULL);
        assertThat(config.leakDetection()).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        assertThat(config.segmentation().mode()).isEqualTo(SegmentationMode.ALPHA);
        assertThat(config.toJson()).contains("\"leakDetection\": \"all-with-creation-site\"").contains("\"mode\": \"alpha\"");
    }

    @Test
    void emptyWarmupIsHumansUnspecifiedValue() {
        assertThat(HumanConfig.fromJson("{\"warmup\":\"\"}").warmup()).isEqualTo(Warmup.UNSPECIFIED);
    }
}
