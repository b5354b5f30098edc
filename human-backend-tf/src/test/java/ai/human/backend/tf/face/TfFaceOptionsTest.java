package ai.human.backend.tf.face;

import ai.human.testing.FaceOptionsContract;

/** The face detector's non-default options on TensorFlow against Human 3.3.6; see {@link FaceOptionsContract}. */
class TfFaceOptionsTest extends FaceOptionsContract {
    @Override
    protected String backendName() {
        return "tensorflow";
    }
}
