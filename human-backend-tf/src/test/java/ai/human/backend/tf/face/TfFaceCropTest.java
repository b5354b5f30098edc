package ai.human.backend.tf.face;

import ai.human.testing.FaceCropContract;

/** Returned face crops on TensorFlow against Human 3.3.6's; see {@link FaceCropContract}. */
class TfFaceCropTest extends FaceCropContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
