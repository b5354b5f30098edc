package ai.human.backend.tf.full;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.testing.full.FullFidelityContract;

/** Body, hand, object and gesture results on TensorFlow (models run natively) against Human 3.3.6's. */
class TfFullFidelityTest extends FullFidelityContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }
}
