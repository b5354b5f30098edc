package ai.human.testing.memory;

import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Puts models on a backend through a wrapper that remembers each model's weight bytes and can make one of them fail:
 * the armed model runs for real (so its outputs and the stage's intermediates are alive), then throws
 * {@link InjectedFailure}. The outputs stay where the pipeline's scopes put them: the test then checks that nothing
 * outlives the failed {@code detect}.
 *
 * <pre>{@code
 * InstrumentedModels models = new InstrumentedModels(backend::loadModel);
 * Human human = HumanTestAccess.create(config, backend, models);
 * models.failOn("iris");
 * assertThatThrownBy(() -> human.detect(image)).isInstanceOf(InjectedFailure.class);
 * }</pre>
 */
public final class InstrumentedModels implements Function<GraphModelDef, Model> {
    private final Function<GraphModelDef, Model> inner;
    private final Map<String, Long> definedWeightBytes = new ConcurrentHashMap<>();
    private final Map<String, Long> loadedWeightBytes = new ConcurrentHashMap<>();
    private volatile String failing;

    public InstrumentedModels(Function<GraphModelDef, Model> inner) {
        this.inner = inner;
    }

    /** Per model name: the decoded weight bytes its files define ({@link GraphModelDef#weightBytes()}). */
    public Map<String, Long> definedWeightBytes() {
        return Map.copyOf(definedWeightBytes);
    }

    /** Per model name: the weight bytes the backend's model reports ({@link Model#weightBytes()}). */
    public Map<String, Long> loadedWeightBytes() {
        return Map.copyOf(loadedWeightBytes);
    }

    /** Makes the model named {@code name} (as {@link GraphModelDef#name()}) fail from now on; null: none. */
    public void failOn(String name) {
        failing = name;
    }

    @Override
    public Model apply(GraphModelDef def) {
        Model model = inner.apply(def);
        definedWeightBytes.put(def.name(), def.weightBytes());
        loadedWeightBytes.put(def.name(), model.weightBytes());
        return new Failing(model);
    }

    /** The exception an armed model throws. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String model) {
            super("model " + model + " failed on purpose, after running");
        }
    }

    private final class Failing implements Model {
        private final Model model;

        Failing(Model model) {
            this.model = model;
        }

        private <T> T check(T outputs) {
            if (model.name().equals(failing)) {
                throw new InjectedFailure(model.name());
            }
            return outputs;
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public List<TensorSpec> inputs() {
            return model.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return model.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            return check(model.run(inputs));
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputNames) {
            return check(model.run(inputs, outputNames));
        }

        @Override
        public List<Tensor> run(Tensor input) {
            return check(model.run(input));
        }

        @Override
        public long weightBytes() {
            return model.weightBytes();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
