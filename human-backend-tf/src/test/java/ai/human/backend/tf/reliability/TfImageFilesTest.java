package ai.human.backend.tf.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.reliability.ImageFilesContract;

/** Bad, odd and hostile image files through Human on TensorFlow: a result or a clear ImageException, nothing leaked. */
class TfImageFilesTest extends ImageFilesContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }
}
