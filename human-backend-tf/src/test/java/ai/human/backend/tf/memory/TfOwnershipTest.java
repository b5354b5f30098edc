package ai.human.backend.tf.memory;

import ai.human.testing.memory.OwnershipContract;

/** {@link OwnershipContract} on TensorFlow. */
class TfOwnershipTest extends OwnershipContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
