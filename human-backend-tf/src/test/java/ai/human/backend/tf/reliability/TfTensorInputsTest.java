package ai.human.backend.tf.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.reliability.TensorInputsContract;

/** Bad and odd tensors through Human on TensorFlow: a result or a clear ImageException, nothing leaked. */
class TfTensorInputsTest extends TensorInputsContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }
}
