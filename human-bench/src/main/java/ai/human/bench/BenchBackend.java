package ai.human.bench;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.tf.TfBackend;
import ai.human.config.HumanConfig;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import java.util.Arrays;
import java.util.Locale;

/**
 * The backends the benchmarks compare, by the name a {@code @Param} gives: the TensorFlow backend running graphs
 * natively, the same backend running graphs through the generic executor (for reference: what the executor costs on
 * TensorFlow's eager ops), and the DJL backend (which always runs the generic executor).
 *
 * <pre>{@code
 * BenchBackend kind = BenchBackend.of("tensorflow-executor");
 * try (Backend backend = kind.create(config); Model model = kind.load(backend, def)) { ... }
 * }</pre>
 */
public enum BenchBackend {
    /** TensorFlow Java, graphs as native sessions (what {@code backend: "tensorflow"} gives). */
    TENSORFLOW("tensorflow"),
    /** TensorFlow Java's eager ops under the generic graph executor (reference only). */
    TENSORFLOW_EXECUTOR("tensorflow-executor"),
    /** DJL on PyTorch, graphs through the generic executor (what {@code backend: "djl"} gives). */
    DJL("djl");

    private final String id;

    BenchBackend(String id) {
        this.id = id;
    }

    /** The name used in {@code @Param} values and reports. */
    public String id() {
        return id;
    }

    /** The backend named {@code id}. */
    public static BenchBackend of(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown benchmark backend '" + id + "'; use one of "
                        + Arrays.stream(values()).map(BenchBackend::id).toList()));
    }

    /** A new backend with the options {@code Human.create(config)} would give it (leak detection, backendOptions). */
    public Backend create(HumanConfig config) {
        BackendOptions options = Human.backendOptions(config);
        return switch (this) {
            case TENSORFLOW, TENSORFLOW_EXECUTOR -> new TfBackend(options);
            case DJL -> new DjlBackend(options);
        };
    }

    /** Puts {@code def} on {@code backend} the way this kind runs graphs. */
    public Model load(Backend backend, GraphModelDef def) {
        return this == TENSORFLOW_EXECUTOR ? GraphExecutor.compile(backend, def) : backend.loadModel(def);
    }
}
