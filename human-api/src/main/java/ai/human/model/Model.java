package ai.human.model;

import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A graph model loaded onto a backend, ready to run. Its weights live on the backend (owner {@code MODEL}) until
 * {@link #close()}.
 *
 * <pre>{@code
 * GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, "blazeface.json");
 * try (Model model = backend.loadModel(def);
 *      TensorScope scope = backend.scope()) {
 *     List<Tensor> outputs = model.run(input);   // in outputs() order, closed by the scope
 * }
 * }</pre>
 * Implementations are thread-safe: one model may run on several threads at once.
 */
public interface Model extends AutoCloseable {

    /** The model's name (its file name without {@code .json}). */
    String name();

    /** Inputs from the model's signature. */
    List<TensorSpec> inputs();

    /** Outputs from the model's signature, in signature order. */
    List<TensorSpec> outputs();

    /**
     * Runs the model.
     *
     * @param inputs one tensor per input, keyed by the input's tensor name ({@link TensorSpec#name()}, e.g.
     *               {@code input:0}) or signature key ({@link TensorSpec#key()}); not consumed
     * @return every output keyed by its tensor name, in {@link #outputs()} order; the caller (or the open scope)
     *         owns them
     */
    Map<String, Tensor> run(Map<String, Tensor> inputs);

    /** Runs a single-input model; outputs in {@link #outputs()} order. */
    default List<Tensor> run(Tensor input) {
        List<TensorSpec> specs = inputs();
        if (specs.size() != 1) {
            throw new ModelException("Model " + name() + " has " + specs.size() + " inputs " + specs
                    + "; call run(Map) with one tensor per input");
        }
        return List.copyOf(run(Map.of(specs.get(0).name(), input)).values());
    }

    /** Bytes of weights this model holds on its backend. */
    long weightBytes();

    /** Releases the model's weights and native resources. Harmless when already closed. */
    @Override
    void close();
}
