package ai.human.backend.tf.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;

import ai.human.backend.BackendException;
import org.tensorflow.internal.c_api.TF_Status;

/** A {@code TF_Status} for one native call sequence; freed by {@link #close()}. */
public final class NativeStatus implements AutoCloseable {
    private final TF_Status status = TF_NewStatus();

    public TF_Status get() {
        return status;
    }

    /** Throws a {@link BackendException} naming {@code what} if the last call failed. */
    public void check(String what) {
        if (TF_GetCode(status) != TF_OK) {
            throw new BackendException("TensorFlow " + what + " failed: " + TF_Message(status).getString());
        }
    }

    @Override
    public void close() {
        TF_DeleteStatus(status);
    }
}
