package ai.human.backend.djl.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.reliability.ImageFilesContract;

/** Bad, odd and hostile image files through Human on DJL: a result or a clear ImageException, nothing leaked. */
class DjlImageFilesTest extends ImageFilesContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }
}
