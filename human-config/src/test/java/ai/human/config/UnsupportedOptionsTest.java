package ai.human.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsupportedOptionsTest {

    private static HumanConfig load(String json) {
        return HumanConfig.fromJson(json);
    }

    @Test
    void defaultsUseNothingUnsupported() {
        assertThat(HumanConfig.defaults().unsupportedOptions()).isEmpty();
    }

    @Test
    void unimplementedModulesAreReportedWhenEnabled() {
        HumanConfig config = load("{\"face\":{\"attention\":{\"enabled\":true},\"gear\":{\"enabled\":true}},"
                + "\"segmentation\":{\"enabled\":true}}");

        assertThat(config.unsupportedOptions())
                .containsExactly("face.attention.enabled", "face.gear.enabled", "segmentation.enabled");
    }

    @Test
    void squarePaddingIsImplementedAndNotReported() {
        assertThat(load("{\"face\":{\"detector\":{\"square\":true}}}").unsupportedOptions()).isEmpty();
    }

    @Test
    void faceOptionsAreNotReportedWhenFaceDetectionIsOff() {
        HumanConfig config = load("{\"face\":{\"enabled\":false,\"attention\":{\"enabled\":true},"
                + "\"detector\":{\"square\":true,\"modelPath\":\"other.json\"}}}");

        assertThat(config.unsupportedOptions()).isEmpty();
    }

    @Test
    void javascriptRuntimeOptionsAreReported() {
        HumanConfig config = load("{\"wasmPath\":\"/wasm/\",\"wasmPlatformFetch\":true,\"softwareKernels\":true,"
                + "\"flags\":{\"WEBGL_VERSION\":2}}");

        assertThat(config.unsupportedOptions()).containsExactly("wasmPath", "wasmPlatformFetch", "flags", "softwareKernels");
    }

    @Test
    void colourFiltersAreReportedOnlyWhenFiltersAreEnabled() {
        String filters = "\"brightness\":0.2,\"contrast\":-0.1,\"sharpness\":0.5,\"blur\":2,\"saturation\":0.3,\"hue\":90,"
                + "\"negative\":true,\"sepia\":true,\"vintage\":true,\"kodachrome\":true,\"technicolor\":true,"
                + "\"polaroid\":true,\"pixelate\":4";

        assertThat(load("{\"filter\":{\"enabled\":true," + filters + "}}").unsupportedOptions()).containsExactly(
                "filter.brightness", "filter.contrast", "filter.sharpness", "filter.blur", "filter.saturation",
                "filter.hue", "filter.negative", "filter.sepia", "filter.vintage", "filter.kodachrome",
                "filter.technicolor", "filter.polaroid", "filter.pixelate");
        assertThat(load("{\"filter\":{\"enabled\":false," + filters + "}}").unsupportedOptions()).isEmpty();
    }

    @Test
    void resizeFlipAndEqualizationAreReportedEvenWithFiltersDisabledLikeHumanAppliesThem() {
        HumanConfig config = load("{\"filter\":{\"enabled\":false,\"equalization\":true,\"width\":320,\"height\":240,\"flip\":true}}");

        assertThat(config.unsupportedOptions()).containsExactly("filter.equalization", "filter.width", "filter.height", "filter.flip");
    }

    @Test
    void filterSettingsWithoutEffectOnResultsAreNotReported() {
        assertThat(load("{\"filter\":{\"return\":false,\"autoBrightness\":false}}").unsupportedOptions()).isEmpty();
    }

    @Test
    void otherModelsAreReportedButTheDefaultModelInAnotherFolderIsNot() {
        HumanConfig config = load("""
                { "face": { "detector": { "modelPath": "https://example.invalid/models/blazeface-back.json" },
                            "mesh": { "modelPath": "/opt/models/facemesh.json" },
                            "description": { "modelPath": "file:///models/faceres.json?v=2" } },
                  "body": { "modelPath": "blazepose-heavy.json" },
                  "hand": { "detector": { "modelPath": "handdetect.json" } },
                  "object": { "modelPath": "nanodet.json" } }
                """);

        assertThat(config.unsupportedOptions())
                .containsExactly("face.detector.modelPath", "body.modelPath", "hand.detector.modelPath");
    }

    @Test
    void modelPathOfADisabledModelIsNotReported() {
        HumanConfig config = load("{\"object\":{\"enabled\":false,\"modelPath\":\"nanodet.json\"},"
                + "\"face\":{\"emotion\":{\"enabled\":false,\"modelPath\":\"affecnet.json\"}},"
                + "\"hand\":{\"landmarks\":false,\"skeleton\":{\"modelPath\":\"handlandmark-full.json\"}}}");

        assertThat(config.unsupportedOptions()).isEmpty();
        assertThat(config.withOverride("object.enabled", "true").unsupportedOptions()).containsExactly("object.modelPath");
    }

    @Test
    void everyEnabledModelPathIsChecked() {
        HumanConfig config = load("""
                { "face": { "detector": { "modelPath": "a.json" }, "mesh": { "modelPath": "b.json" },
                            "iris": { "modelPath": "c.json" }, "emotion": { "modelPath": "d.json" },
                            "description": { "modelPath": "e.json" }, "antispoof": { "enabled": true, "modelPath": "f.json" },
                            "liveness": { "enabled": true, "modelPath": "g.json" } },
                  "body": { "modelPath": "h.json" }, "hand": { "detector": { "modelPath": "i.json" },
                  "skeleton": { "modelPath": "j.json" } }, "object": { "enabled": true, "modelPath": "k.json" } }
                """);

        assertThat(config.unsupportedOptions()).containsExactly("face.detector.modelPath", "face.mesh.modelPath",
                "face.iris.modelPath", "face.emotion.modelPath", "face.description.modelPath", "face.antispoof.modelPath",
                "face.liveness.modelPath", "body.modelPath", "hand.detector.modelPath", "hand.skeleton.modelPath",
                "object.modelPath");
    }

    @Test
    void detailsGiveAReasonForEachPath() {
        HumanConfig config = load("{\"segmentation\":{\"enabled\":true},\"body\":{\"modelPath\":\"posenet.json\"}}");

        assertThat(config.unsupportedOptionDetails()).extracting(UnsupportedOption::path)
                .containsExactlyElementsOf(config.unsupportedOptions());
        assertThat(config.unsupportedOptionDetails()).allSatisfy(option -> assertThat(option.reason()).isNotBlank());
        assertThat(config.unsupportedOptionDetails().get(0).reason()).contains("movenet-lightning.json");
    }

    @Test
    void asyncAndBackendChoicesAreNotReported() {
        assertThat(load("{\"async\":false,\"backend\":\"tensorflow\",\"warmup\":\"none\",\"cacheModels\":true}")
                .unsupportedOptions()).isEmpty();
    }
}
