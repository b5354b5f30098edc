package ai.human.backend.tf.memory;

import ai.human.testing.memory.LeakDetectionContract;

/** {@link LeakDetectionContract} on TensorFlow. */
class TfLeakDetectionTest extends LeakDetectionContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
