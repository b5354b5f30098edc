package ai.human.backend.djl.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.reliability.ModelFilesContract;

/** Broken model files and failing models on DJL: fail fast naming the file, nothing leaked. */
class DjlModelFilesTest extends ModelFilesContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }
}
