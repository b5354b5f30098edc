package ai.human.backend.djl.memory;

import ai.human.testing.memory.OwnershipContract;

/** {@link OwnershipContract} on DJL/PyTorch. */
class DjlOwnershipTest extends OwnershipContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
