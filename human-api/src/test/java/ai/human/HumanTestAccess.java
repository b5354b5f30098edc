package ai.human;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Test access to {@link Human}'s package-private seams, for contracts in other packages and the backends' tests:
 * models put on the backend through a wrapper (to inject failures), and the stage probe.
 *
 * <pre>{@code
 * InstrumentedModels models = new InstrumentedModels(backend::loadModel);
 * Human human = HumanTestAccess.create(config, backend, models);
 * }</pre>
 */
public final class HumanTestAccess {

    private HumanTestAccess() {
    }

    /** A Human on {@code backend} (which stays the caller's) whose models are made by {@code toBackend}. */
    public static Human create(HumanConfig config, Backend backend, Function<GraphModelDef, Model> toBackend) {
        return Human.create(config, backend, toBackend, Clock.SYSTEM);
    }

    /** Calls {@code probe} with each stage's name as it starts ({@code face, body, hand, object, gesture}). */
    public static void stageProbe(Human human, Consumer<String> probe) {
        human.stageProbe(probe);
    }
}
