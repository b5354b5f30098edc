package ai.human.backend.djl.memory;

import ai.human.testing.memory.LeakDetectionContract;

/** {@link LeakDetectionContract} on DJL/PyTorch. */
class DjlLeakDetectionTest extends LeakDetectionContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
