package ai.human;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import java.util.function.Function;

/**
 * For the benchmarks: a {@link Human} whose models are put on the backend by a given function, so that a benchmark
 * can run graphs through the generic executor on TensorFlow or record the model calls a detect makes. Everything else
 * is the ordinary {@code Human}.
 *
 * <pre>{@code
 * Human human = BenchHumans.create(config, backend, def -> new RecordingModel(backend.loadModel(def), calls));
 * }</pre>
 */
public final class BenchHumans {
    private BenchHumans() {
    }

    /** A Human on {@code backend} (which stays the caller's) with models made by {@code toBackend}. */
    public static Human create(HumanConfig config, Backend backend, Function<GraphModelDef, Model> toBackend) {
        return Human.create(config, backend, toBackend, Clock.SYSTEM);
    }
}
