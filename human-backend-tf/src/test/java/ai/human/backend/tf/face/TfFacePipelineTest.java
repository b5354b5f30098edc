package ai.human.backend.tf.face;

import ai.human.testing.FacePipelineContract;

/** The face pipeline with real models on TensorFlow; see {@link FacePipelineContract}. */
class TfFacePipelineTest extends FacePipelineContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
