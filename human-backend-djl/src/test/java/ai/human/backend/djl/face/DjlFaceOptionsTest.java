package ai.human.backend.djl.face;

import ai.human.testing.FaceOptionsContract;

/** The face detector's non-default options on DJL/PyTorch against Human 3.3.6; see {@link FaceOptionsContract}. */
class DjlFaceOptionsTest extends FaceOptionsContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
