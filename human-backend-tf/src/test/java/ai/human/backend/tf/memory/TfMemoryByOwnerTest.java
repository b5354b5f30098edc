package ai.human.backend.tf.memory;

import ai.human.testing.memory.MemoryByOwnerContract;

/** {@link MemoryByOwnerContract} on TensorFlow. */
class TfMemoryByOwnerTest extends MemoryByOwnerContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
