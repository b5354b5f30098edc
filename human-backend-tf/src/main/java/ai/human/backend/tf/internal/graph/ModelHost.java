package ai.human.backend.tf.internal.graph;

import ai.human.backend.spi.NativeTensor;
import ai.human.backend.tf.internal.EagerContext;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * What a {@link TfGraphModel} needs from the backend that loaded it; {@code TfBackend} implements it privately.
 *
 * <pre>{@code
 * TfGraphModel model = TfGraphModel.load(def, new SessionConfig(1, 1, true), host);
 * }</pre>
 */
public interface ModelHost {

    /** The backend's eager context, which turns session results into tensor handles. */
    EagerContext context();

    /** The handle behind {@code tensor}, checked to be open and of this backend. */
    TFE_TensorHandle handleOf(Tensor tensor);

    /** A new tensor for a fresh handle (the innermost open scope's, or the caller's); deletes it on failure. */
    Tensor track(TFE_TensorHandle handle);

    /** {@code tensor} cast to {@code dtype}, as a new tensor. */
    Tensor cast(Tensor tensor, DType dtype);

    /** A new tensor owned by {@code MODEL} for a model weight; call inside {@link #outsideScopes}. */
    Tensor trackWeight(NativeTensor weight, Shape shape, DType dtype);

    /** Runs {@code body} where no tensor scope is open, so that the tensors it creates join none. */
    void outsideScopes(Runnable body);

    /** The engine-side count of model weight constants. */
    ConstantLedger constants();

    /** Called once when {@code model} has closed. */
    void closed(TfGraphModel model);
}
