package ai.human.model;

import ai.human.tensor.Tensor;
import java.util.LinkedHashMap;
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

    /** {@return the model's name (its file name without {@code .json})} */
    String name();

    /** {@return inputs from the model's signature} */
    List<TensorSpec> inputs();

    /** {@return outputs from the model's signature, in signature order} */
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

    /**
     * Runs the model and returns only the named tensors. An implementation may skip the work that none of them needs
     * (Human fetches handtrack's raw detections this way, without the model's own box selection); this default runs
     * {@link #run(Map)} and closes the outputs that were not asked for.
     *
     * <pre>{@code
     * Map<String, Tensor> raw = model.run(Map.of("input_tensor:0", image), List.of("Identity_6:0", "Identity_7:0"));
     * }</pre>
     *
     * @param inputs      as for {@link #run(Map)}; not consumed
     * @param outputNames each a signature output's tensor name ({@code Identity_6:0}), node name ({@code Identity_6})
     *                    or signature key; an implementation may also accept the tensor name of any graph node
     * @return one tensor per name, keyed and ordered as in {@code outputNames}; the caller (or the open scope) owns them
     * @throws ModelException when a name is not an output this implementation can fetch, naming the outputs it can
     */
    default Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputNames) {
        Map<String, TensorSpec> wanted = new LinkedHashMap<>();
        for (String outputName : outputNames) {
            TensorSpec spec = outputs().stream()
                    .filter(o -> o.name().equals(outputName) || o.node().equals(outputName) || o.key().equals(outputName))
                    .findFirst()
                    .orElseThrow(() -> new ModelException("Model " + name() + " has no signature output '" + outputName
                            + "' and this implementation fetches signature outputs only; outputs are " + outputs()));
            wanted.put(outputName, spec);
        }
        Map<String, Tensor> all = run(inputs);
        Map<String, Tensor> picked = new LinkedHashMap<>();
        wanted.forEach((outputName, spec) -> picked.put(outputName, all.get(spec.name())));
        all.values().stream().filter(t -> !picked.containsValue(t)).forEach(Tensor::close);
        return picked;
    }

    /**
     * Runs a single-input model; outputs in {@link #outputs()} order.
     *
     * @param input the one input
     * @return the outputs, owned by the caller
     */
    default List<Tensor> run(Tensor input) {
        List<TensorSpec> specs = inputs();
        if (specs.size() != 1) {
            throw new ModelException("Model " + name() + " has " + specs.size() + " inputs " + specs
                    + "; call run(Map) with one tensor per input");
        }
        return List.copyOf(run(Map.of(specs.get(0).name(), input)).values());
    }

    /** {@return bytes of weights this model holds on its backend} */
    long weightBytes();

    /** Releases the model's weights and native resources. Harmless when already closed. */
    @Override
    void close();
}
