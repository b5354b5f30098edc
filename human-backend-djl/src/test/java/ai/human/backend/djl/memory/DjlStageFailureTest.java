package ai.human.backend.djl.memory;

import ai.human.testing.memory.StageFailureContract;

/** {@link StageFailureContract} on DJL/PyTorch. */
class DjlStageFailureTest extends StageFailureContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
