package ai.human.backend.tf.model;

import ai.human.error.AlreadyClosedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.testing.ModelGoldens;
import ai.human.testing.ModelGoldens.Golden;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model memory on the TensorFlow backend: weights count under {@code MODEL} (one tensor per weight, exactly the
 * decoded weight bytes), runs leave nothing behind, closing a model frees everything it held. Every figure of the
 * framework's tracker is checked against the engine's own ledgers (live tensor handles, graph constants) and against
 * JavaCPP's count of native allocations it still has to free ({@link Pointer#totalCount()}).
 */
class TfModelMemoryTest {
    private static final ModelLoader LOADER = new ModelLoader();
    private static final int RUNS = 100;

    private final TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    static List<String> models() {
        return ModelGoldens.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aHundredRunsReturnCountsAndBytesToTheBaselineAndClosingTheModelFreesEverything(String name) {
        GraphModelDef def = LOADER.load(null, name + ".json");
        Golden golden = ModelGoldens.load(name);

        Model model = backend.loadModel(def);
        MemoryInfo loaded = backend.memory();
        assertThat(loaded.of(Owner.MODEL)).isEqualTo(new MemoryInfo.Usage(def.weights().size(), def.weightBytes()));
        assertThat(loaded.tensors()).isEqualTo(def.weights().size());
        assertEngineAgrees();

        try (Tensor input = golden.input().toTensor(backend)) {
            Map<String, Tensor> feed = Map.of(model.inputs().get(0).name(), input);
            runOnce(model, feed); // first run: TensorFlow builds its executor and kernels, JavaCPP its per-thread slots
            MemoryInfo baseline = backend.memory();
            long handles = backend.engineLiveHandles();
            long pointers = Pointer.totalCount();

            for (int i = 0; i < RUNS; i++) {
                runOnce(model, feed);
            }

            MemoryInfo after = backend.memory();
            assertThat(after.tensors()).isEqualTo(baseline.tensors());
            assertThat(after.bytes()).isEqualTo(baseline.bytes());
            assertThat(after.byOwner()).isEqualTo(baseline.byOwner());
            assertThat(backend.engineLiveHandles()).isEqualTo(handles).isEqualTo(1);
            // at most: the garbage collector may meanwhile free allocations other tests left unreachable
            assertThat(Pointer.totalCount()).as("JavaCPP allocations not yet freed").isLessThanOrEqualTo(pointers);
            assertEngineAgrees();
        }

        model.close();
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.memory().bytes()).isZero();
        assertThat(backend.engineLiveHandles()).isZero();
        assertThat(backend.engineModelConstants()).isZero();
        assertThat(backend.engineModelConstantBytes()).isZero();
    }

    private void runOnce(Model model, Map<String, Tensor> feed) {
        try (TensorScope scope = backend.scope()) {
            Map<String, Tensor> outputs = model.run(feed);
            assertThat(outputs).hasSameSizeAs(model.outputs());
            assertThat(scope.size()).isEqualTo(outputs.size());
            assertEngineAgrees();
        }
    }

    /** The tracker's figures equal the engine's: live handles plus graph constants, and their bytes. */
    private void assertEngineAgrees() {
        MemoryInfo memory = backend.memory();
        assertThat(memory.tensors()).isEqualTo(backend.engineLiveHandles() + backend.engineModelConstants());
        assertThat(memory.bytes()).isEqualTo(backend.engineLiveBytes() + backend.engineModelConstantBytes());
        assertThat(memory.of(Owner.MODEL).tensors()).isEqualTo(backend.engineModelConstants());
        assertThat(memory.of(Owner.MODEL).bytes()).isEqualTo(backend.engineModelConstantBytes());
    }

    @Test
    void aClosedModelRefusesToRunAndClosingTwiceIsHarmless() {
        Model model = backend.loadModel(LOADER.load(null, "liveness.json"));
        model.close();
        model.close();
        try (Tensor input = ModelGoldens.load("liveness").input().toTensor(backend)) {
            assertThatThrownBy(() -> model.run(input)).isInstanceOf(AlreadyClosedException.class)
                    .hasMessageContaining("liveness is closed");
        }
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void weightsOutliveTheScopeTheModelWasLoadedIn() {
        GraphModelDef def = LOADER.load(null, "emotion.json");
        Model model;
        try (TensorScope scope = backend.scope()) {
            model = backend.loadModel(def);
            assertThat(scope.size()).isZero();
        }
        assertThat(backend.memory().of(Owner.MODEL))
                .isEqualTo(new MemoryInfo.Usage(def.weights().size(), def.weightBytes()));
        try (Tensor input = ModelGoldens.load("emotion").input().toTensor(backend);
             TensorScope scope = backend.scope()) {
            assertThat(model.run(input)).hasSize(1);
            assertThat(scope.size()).isEqualTo(1);
        }
        model.close();
        assertThat(backend.memory().of(Owner.MODEL)).isEqualTo(MemoryInfo.Usage.NONE);
    }

    @Test
    void closingTheBackendClosesItsOpenModels() {
        TfBackend other = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
        Model model = other.loadModel(LOADER.load(null, "antispoof.json"));
        assertThat(other.engineModelConstants()).isPositive();
        other.close();
        assertThat(other.engineModelConstants()).isZero();
        assertThat(other.memory().tensors()).isZero();
        assertThatThrownBy(() -> model.run(Map.of())).isInstanceOf(AlreadyClosedException.class);
    }
}
