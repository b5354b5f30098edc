package ai.human.backend;

import ai.human.model.GraphModelDef;
import ai.human.model.Model;

/**
 * The model role of a {@link Backend}: puts a graph model on the backend. A backend that runs graphs natively
 * (TensorFlow) implements it itself; one that cannot calls the generic executor of module {@code human-graph}
 * ({@code ai.human.graph.GraphExecutor.compile(this, def, tracker())}). Also the seam through which
 * {@code Human.create(config, backend, models)} puts models on a backend in another way (wrapped, recorded, or
 * through the generic executor on a backend that has a native path).
 *
 * <pre>{@code
 * ModelRuntime viaExecutor = def -> GraphExecutor.compile(backend, def);
 * try (Human human = Human.create(config, backend, viaExecutor)) { ... }
 * }</pre>
 */
@FunctionalInterface
public interface ModelRuntime {

    /**
     * Loads a graph model onto this backend: its weights become tensors owned by the model (owner {@code MODEL})
     * until {@link Model#close()}.
     *
     * @param def the parsed graph model (topology, weights and signature)
     * @return the model, owned by the caller, which closes it
     * @throws ai.human.model.ModelException when the graph uses an op or attribute the backend cannot run (the
     *                                       message names model, node and op)
     */
    Model loadModel(GraphModelDef def);
}
