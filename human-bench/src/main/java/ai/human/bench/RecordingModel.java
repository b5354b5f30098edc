package ai.human.bench;

import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A model that passes every call to the real one and, while a recorder is set, hands a copy of each call to it
 * ({@link ModelCall}). Copying reads the inputs back, so record on a warm-up pass, never on a timed one.
 *
 * <pre>{@code
 * RecordingModel model = new RecordingModel(backend.loadModel(def));
 * model.recordInto(calls::add);  human.detect(image).close();  model.recordInto(null);
 * }</pre>
 */
public final class RecordingModel implements Model {
    private final Model model;
    private volatile Consumer<ModelCall> recorder;

    public RecordingModel(Model model) {
        this.model = model;
    }

    /** Starts handing calls to {@code into}; {@code null} stops. */
    public void recordInto(Consumer<ModelCall> into) {
        this.recorder = into;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public List<TensorSpec> inputs() {
        return model.inputs();
    }

    @Override
    public List<TensorSpec> outputs() {
        return model.outputs();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        record(inputs, null);
        return model.run(inputs);
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputNames) {
        record(inputs, outputNames);
        return model.run(inputs, outputNames);
    }

    private void record(Map<String, Tensor> inputs, List<String> outputNames) {
        Consumer<ModelCall> into = recorder;
        if (into != null) {
            Map<String, ModelCall.Values> copies = new LinkedHashMap<>();
            inputs.forEach((name, tensor) -> copies.put(name, ModelCall.Values.of(tensor)));
            into.accept(new ModelCall(model, copies, outputNames));
        }
    }

    @Override
    public long weightBytes() {
        return model.weightBytes();
    }

    @Override
    public void close() {
        model.close();
    }
}
