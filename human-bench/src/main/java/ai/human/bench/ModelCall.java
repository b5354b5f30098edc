package ai.human.bench;

import ai.human.backend.Backend;
import ai.human.model.Model;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded model call of a pipeline: the model, a copy of its inputs and the outputs it asked for, so that the
 * call can be replayed on its own. The replays of all calls one {@code detect} made are the pipeline's floor: the sum
 * of its models' raw inference.
 *
 * <pre>{@code
 * try (ModelCall.Prepared call = recorded.prepare(backend)) { call.run(); }
 * }</pre>
 *
 * @param model       the model as the pipeline saw it
 * @param inputs      input name to values
 * @param outputNames the outputs asked for, or {@code null} for all of them
 */
public record ModelCall(Model model, Map<String, Values> inputs, List<String> outputNames) {

    /**
     * A copy of one input tensor's values.
     *
     * @param dtype  element type
     * @param shape  dimensions
     * @param values {@code float[]}, {@code int[]} or {@code byte[]} by type
     */
    public record Values(DType dtype, Shape shape, Object values) {
        /** Reads {@code tensor} back. */
        static Values of(Tensor tensor) {
            Object values = switch (tensor.dtype()) {
                case FLOAT32 -> tensor.toFloats();
                case INT32 -> tensor.toInts();
                case UINT8, BOOL -> tensor.toBytes();
            };
            return new Values(tensor.dtype(), tensor.shape(), values);
        }

        /** A new tensor on {@code backend} with these values; the caller owns it. */
        Tensor toTensor(Backend backend) {
            return switch (dtype) {
                case FLOAT32 -> backend.fromFloats((float[]) values, shape);
                case INT32 -> backend.fromInts((int[]) values, shape);
                case UINT8, BOOL -> backend.fromBytes((byte[]) values, shape, dtype);
            };
        }
    }

    public ModelCall {
        inputs = Map.copyOf(inputs);
        outputNames = outputNames == null ? null : List.copyOf(outputNames);
    }

    /** The call with its inputs on {@code backend}, ready to run again and again. */
    public Prepared prepare(Backend backend) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        inputs.forEach((name, values) -> tensors.put(name, values.toTensor(backend)));
        return new Prepared(this, tensors);
    }

    /** A call whose inputs live on the backend; close it to release them. */
    public static final class Prepared implements AutoCloseable {
        private final ModelCall call;
        private final Map<String, Tensor> inputs;

        private Prepared(ModelCall call, Map<String, Tensor> inputs) {
            this.call = call;
            this.inputs = inputs;
        }

        /** The model this call runs. */
        public String modelName() {
            return call.model().name();
        }

        /** Runs the model once and closes its outputs; returns how many outputs there were. */
        public int run() {
            Map<String, Tensor> out = call.outputNames() == null ? call.model().run(inputs)
                    : call.model().run(inputs, call.outputNames());
            out.values().forEach(Tensor::close);
            return out.size();
        }

        @Override
        public void close() {
            inputs.values().forEach(Tensor::close);
        }
    }
}
