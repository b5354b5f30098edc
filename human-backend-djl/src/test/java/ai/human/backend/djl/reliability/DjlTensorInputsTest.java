package ai.human.backend.djl.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.reliability.TensorInputsContract;

/** Bad and odd tensors through Human on DJL: a result or a clear ImageException, nothing leaked. */
class DjlTensorInputsTest extends TensorInputsContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }
}
