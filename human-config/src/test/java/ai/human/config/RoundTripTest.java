package ai.human.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    private static HumanConfig everythingChanged() {
        return HumanConfig.fromJson("""
                {
                  "backend": "djl", "modelBasePath": "file:/opt/models/", "cacheModels": true, "validateModels": false,
                  "debug": true, "async": false, "warmup": "body", "cacheSensitivity": 0.25, "skipAllowed": true,
                  "deallocate": true, "flags": { "WEBGL_VERSION": 2, "nested": { "list": [1, "x", null, 0.5] } },
                  "filter": { "enabled": false, "brightness": -0.5, "return": false, "width": 640 },
                  "gesture": { "enabled": false },
                  "face": { "detector": { "return": true, "scale": 1.25, "maxDetected": 20, "square": true },
                            "iris": { "scale": 2.0 }, "gear": { "enabled": true, "modelPath": "gear.json" } },
                  "body": { "maxDetected": 3 }, "hand": { "skeleton": { "modelPath": "handlandmark-full.json" } },
                  "object": { "enabled": true, "iouThreshold": 0.45 },
                  "segmentation": { "mode": "foreground", "ratio": 0.25 },
                  "leakDetection": "all", "maxImagePixels": 12345678901, "backendOptions": { "threads": "1" }
                }
                """);
    }

    @Test
    void defaultsSurviveToJsonAndFromJson() {
        assertThat(HumanConfig.fromJson(HumanConfig.defaults().toJson())).isEqualTo(HumanConfig.defaults());
    }

    @Test
    void everyKindOfValueSurvivesToJsonAndFromJson() {
        HumanConfig config = everythingChanged();

        HumanConfig again = HumanConfig.fromJson(config.toJson());

        assertThat(again).isEqualTo(config);
        assertThat(again.toJson()).isEqualTo(config.toJson());
        assertThat(again.maxImagePixels()).isEqualTo(12_345_678_901L);
        assertThat(again.flags()).isEqualTo(Map.of("WEBGL_VERSION", 2L,
                "nested", Map.of("list", java.util.Arrays.asList(1L, "x", null, 0.5))));
    }

    @Test
    void aFileRoundTripGivesTheSameConfiguration(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("human.json");
        Files.writeString(file, everythingChanged().toJson(), StandardCharsets.UTF_8);

        assertThat(HumanConfig.fromFile(file)).isEqualTo(everythingChanged());
        assertThat(HumanConfig.validate(file)).isEmpty();
    }

    @Test
    void toJsonWritesEveryKnownPath() {
        String json = HumanConfig.defaults().toJson();

        for (String path : HumanConfig.knownPaths()) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            assertThat(json).as(path).contains("\"" + key + "\": ");
        }
        assertThat(HumanConfig.knownPaths()).contains("face.detector.return", "filter.return", "backendOptions", "flags",
                "face.gear.minConfidence", "hand.skeleton.modelPath").doesNotContain("face", "face.detector");
    }

    @Test
    void mapsAndFlagsAreImmutable() {
        HumanConfig config = everythingChanged();

        assertThat(config.backendOptions()).isUnmodifiable();
        assertThat(config.flags()).isUnmodifiable();
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) config.flags().get("nested");
        assertThat(nested).isUnmodifiable();
        assertThat((List<?>) nested.get("list")).isUnmodifiable();
    }
}
