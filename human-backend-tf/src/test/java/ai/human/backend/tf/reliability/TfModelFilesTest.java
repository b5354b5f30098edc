package ai.human.backend.tf.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.reliability.ModelFilesContract;

/** Broken model files and failing models on TensorFlow: fail fast naming the file, nothing leaked. */
class TfModelFilesTest extends ModelFilesContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }
}
