package ai.human.backend.djl.face;

import ai.human.testing.FaceCropContract;

/** Returned face crops on DJL/PyTorch against Human 3.3.6's; see {@link FaceCropContract}. */
class DjlFaceCropTest extends FaceCropContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
