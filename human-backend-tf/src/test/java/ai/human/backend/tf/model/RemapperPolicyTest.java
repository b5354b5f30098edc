package ai.human.backend.tf.model;

import static ai.human.backend.tf.model.TinyTfjsModel.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.RemapperPolicy;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.testing.ModelGoldens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the backend keeps Grappler's remapper off: hard-swish constants the fused kernel would not honour. */
class RemapperPolicyTest {
    @TempDir
    Path dir;

    /** {@code (x * c) * relu6(x + three)}, the way CenterNet writes its hard-swish. */
    private GraphModelDef hardSwish(float three, float c) {
        return new TinyTfjsModel("hard_swish").placeholder("x", 1, 4, 4, 2)
                .constant("three", new int[0], three).constant("c", new int[0], c)
                .node("add", "AddV2", List.of("x", "three"), type("T"))
                .node("relu6", "Relu6", List.of("add"), type("T"))
                .node("mul", "Mul", List.of("c", "x"), type("T"))
                .node("y", "Mul", List.of("mul", "relu6"), type("T"))
                .load(dir);
    }

    @Test
    void aOneSixthRoundedToFloat16TurnsTheRemapperOff() {
        Optional<String> reason = RemapperPolicy.reasonToDisable(hardSwish(3f, 0.16662598f));

        assertThat(reason).hasValueSatisfying(r -> assertThat(r).contains("'relu6'").contains("0.16662598"));
    }

    @Test
    void anExactHardSwishKeepsTheRemapper() {
        assertThat(RemapperPolicy.reasonToDisable(hardSwish(3f, 1f / 6f))).isEmpty();
    }

    @Test
    void constantsTheRemapperWouldNotMatchAnywayKeepIt() {
        assertThat(RemapperPolicy.reasonToDisable(hardSwish(3f, 0.2f))).isEmpty();
        assertThat(RemapperPolicy.reasonToDisable(hardSwish(4f, 0.16662598f))).isEmpty();
    }

    @Test
    void ofHumansElevenModelsOnlyCenterNetRunsWithoutTheRemapper() {
        ModelLoader loader = new ModelLoader();
        Map<String, Boolean> remapper = new TreeMap<>();
        try (TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()))) {
            for (String name : ModelGoldens.models()) {
                try (TfGraphModel model = (TfGraphModel) backend.loadModel(loader.load(null, name + ".json"))) {
                    remapper.put(name, model.remapper());
                }
            }
        }
        assertThat(remapper).hasSize(11);
        remapper.forEach((name, on) -> assertThat(on).as(name).isEqualTo(!name.equals("centernet")));
    }

    @Test
    void theRemapperOptionTakesAutoOnOrOffOnly() {
        assertThatThrownBy(() -> new TfBackend(new BackendOptions(LeakDetection.OFF,
                Map.of(TfBackend.GRAPH_REMAPPER, "sometimes"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("graphRemapper='sometimes'");
    }
}
