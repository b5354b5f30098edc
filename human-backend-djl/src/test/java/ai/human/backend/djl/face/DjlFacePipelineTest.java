package ai.human.backend.djl.face;

import ai.human.testing.FacePipelineContract;

/** The face pipeline with real models on DJL/PyTorch; see {@link FacePipelineContract}. */
class DjlFacePipelineTest extends FacePipelineContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
