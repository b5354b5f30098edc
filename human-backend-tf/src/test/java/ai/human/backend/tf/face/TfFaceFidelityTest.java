package ai.human.backend.tf.face;

import ai.human.testing.FaceFidelityContract;

/** The face pipeline on TensorFlow against Human 3.3.6's goldens; see {@link FaceFidelityContract}. */
class TfFaceFidelityTest extends FaceFidelityContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
