package ai.human.backend.djl.face;

import ai.human.testing.FaceFidelityContract;

/** The face pipeline on DJL/PyTorch against Human 3.3.6's goldens; see {@link FaceFidelityContract}. */
class DjlFaceFidelityTest extends FaceFidelityContract {
    @Override
    protected String backendName() {
        return "djl";
    }
}
