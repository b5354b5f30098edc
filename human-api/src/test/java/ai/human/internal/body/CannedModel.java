package ai.human.internal.body;

import ai.human.backend.Backend;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A test {@link Model} that answers every run with outputs computed by a function of the call's input values, and
 * remembers what it was given. Shared by the body, hand and object stage tests.
 *
 * <pre>{@code
 * CannedModel movenet = CannedModel.singleInput(backend, "movenet", DType.INT32, new int[] {1, 192, 192, 3})
 *         .output("Identity:0", new int[] {1, 1, 17, 3}, input -> keypoints);
 * }</pre>
 */
public final class CannedModel implements Model {
    /** One output: its spec and how to compute it from the input's values. */
    private record Output(TensorSpec spec, Function<float[], float[]> values) {
    }

    private final Backend backend;
    private final String name;
    private final TensorSpec input;
    private final List<Output> outputs = new ArrayList<>();
    private final List<float[]> inputsSeen = new ArrayList<>();
    private final List<Shape> inputShapes = new ArrayList<>();
    private final List<DType> inputTypes = new ArrayList<>();

    private CannedModel(Backend backend, String name, TensorSpec input) {
        this.backend = backend;
        this.name = name;
        this.input = input;
    }

    /** A model with one input named {@code input:0}. */
    public static CannedModel singleInput(Backend backend, String name, DType dtype, int[] shape) {
        return new CannedModel(backend, name, new TensorSpec("input", "input:0", "input", 0, dtype, shape));
    }

    /** Adds an output named {@code tensorName} ({@code node:0}) of the given shape (one dimension may be -1). */
    public CannedModel output(String tensorName, int[] shape, Function<float[], float[]> values) {
        String node = tensorName.substring(0, tensorName.indexOf(':'));
        outputs.add(new Output(new TensorSpec(node, tensorName, node, 0, DType.FLOAT32, shape), values));
        return this;
    }

    /** Adds an output that is always {@code values}. */
    public CannedModel output(String tensorName, int[] shape, float[] values) {
        return output(tensorName, shape, in -> values);
    }

    public List<float[]> inputsSeen() {
        return inputsSeen;
    }

    public List<Shape> inputShapes() {
        return inputShapes;
    }

    public List<DType> inputTypes() {
        return inputTypes;
    }

    public int runs() {
        return inputsSeen.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(input);
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs.stream().map(Output::spec).toList();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        Tensor x = inputs.containsKey(input.name()) ? inputs.get(input.name()) : inputs.get(input.key());
        if (x == null) {
            throw new IllegalArgumentException("no input " + input.name() + " in " + inputs.keySet());
        }
        float[] values = x.toFloats();
        inputsSeen.add(values);
        inputShapes.add(x.shape());
        inputTypes.add(x.dtype());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Output o : outputs) {
            float[] v = o.values().apply(values);
            out.put(o.spec().name(), backend.fromFloats(v, shapeFor(o.spec().shape(), v.length)));
        }
        return out;
    }

    /** The spec's shape with a -1 dimension resolved from the number of values. */
    private static Shape shapeFor(int[] spec, int count) {
        int[] dims = spec.clone();
        int known = 1;
        for (int d : dims) {
            known *= d == -1 ? 1 : d;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                dims[i] = count / known;
            }
        }
        return Shape.of(dims);
    }

    @Override
    public long weightBytes() {
        return 0;
    }

    @Override
    public void close() {
    }
}
