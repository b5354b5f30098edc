package ai.human.backend.tf.memory;

import ai.human.testing.memory.StageFailureContract;

/** {@link StageFailureContract} on TensorFlow. */
class TfStageFailureTest extends StageFailureContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
