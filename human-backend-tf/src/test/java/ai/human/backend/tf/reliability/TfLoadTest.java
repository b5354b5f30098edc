package ai.human.backend.tf.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.reliability.LoadContract;

/**
 * 8 threads on one Human on TensorFlow, and close() while detecting. CI runs 3 detect(s) per thread; issue 12's full size:
 * {@code -Dhuman.load.perThread=500}.
 */
class TfLoadTest extends LoadContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }

    @Override
    protected int ciDetectsPerThread() {
        return 3;
    }
}
