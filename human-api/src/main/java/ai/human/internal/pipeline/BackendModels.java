package ai.human.internal.pipeline;

import ai.human.backend.Backend;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;

/** Puts a graph model on a backend. */
public final class BackendModels {

    private BackendModels() {
    }

    /** {@code backend.loadModel(def)}. */
    public static Model load(Backend backend, GraphModelDef def) {
        throw new ModelException("Backend " + backend.name() + " cannot run graph models in this build (model " + def.name()
                + "): Backend.loadModel is not available yet");
    }
}
