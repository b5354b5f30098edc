package ai.human.backend.djl.memory;

import ai.human.testing.memory.MemoryByOwnerContract;

/** {@link MemoryByOwnerContract} on DJL/PyTorch. */
class DjlMemoryByOwnerTest extends MemoryByOwnerContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
