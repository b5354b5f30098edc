package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Backend;
import ai.human.backend.NmsResult;
import ai.human.backend.TopK;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tensors one op test makes: inputs it creates and results it receives. Closing it closes the results first,
 * then checks that every input is still open and unchanged ({@code OP-GEN-02}: ops neither consume nor modify their
 * inputs, and return new tensors), then closes the inputs. Deliberately not a scope: a scope would also close what an
 * op leaked, and {@code OP-GEN-01} is there to see it.
 */
final class TestTensors implements AutoCloseable {
    static final String INPUTS_INTACT = "OP-GEN-02";

    private record Input(Tensor tensor, Object original) {
    }

    private final Backend backend;
    private final List<Input> inputs = new ArrayList<>();
    private final List<Tensor> results = new ArrayList<>();

    TestTensors(Backend backend) {
        this.backend = backend;
    }

    Tensor floats(float[] values, int... dims) {
        return input(backend.fromFloats(values, Shape.of(dims)), values.clone());
    }

    Tensor scalar(float value) {
        return input(backend.scalar(value), new float[] {value});
    }

    Tensor ints(int[] values, int... dims) {
        return input(backend.fromInts(values, Shape.of(dims)), values.clone());
    }

    /** A UINT8 tensor of values 0..255. */
    Tensor uint8(int[] values, int... dims) {
        return input(backend.fromBytes(bytes(values), Shape.of(dims), DType.UINT8), bytes(values));
    }

    /** A BOOL tensor of values 0 and 1. */
    Tensor bools(int[] values, int... dims) {
        return input(backend.fromBytes(bytes(values), Shape.of(dims), DType.BOOL), bytes(values));
    }

    Tensor golden(Golden.Array array) {
        return input(backend.fromFloats(array.values(), array.shape()), array.values().clone());
    }

    <T extends Tensor> T result(T tensor) {
        results.add(tensor);
        return tensor;
    }

    TopK result(TopK topK) {
        results.add(topK.values());
        results.add(topK.indices());
        return topK;
    }

    NmsResult result(NmsResult nms) {
        results.add(nms.selectedIndices());
        results.add(nms.selectedScores());
        return nms;
    }

    List<Tensor> results(List<Tensor> tensors) {
        results.addAll(tensors);
        return tensors;
    }

    @Override
    public void close() {
        for (Tensor result : results) {
            result.close();
        }
        try {
            for (Input input : inputs) {
                assertThat(input.tensor().isClosed())
                        .as("[%s] input tensor #%d %s was closed by an op or by closing an op's result. Hint: ops must "
                                + "not consume their inputs and must return new tensors (reshape too)", INPUTS_INTACT,
                                input.tensor().id(), input.tensor().shape())
                        .isFalse();
                assertThat(same(input))
                        .as("[%s] input tensor #%d %s was modified by an op. Hint: ops must not write into their inputs",
                                INPUTS_INTACT, input.tensor().id(), input.tensor().shape())
                        .isTrue();
            }
        } finally {
            for (Input input : inputs) {
                input.tensor().close();
            }
        }
    }

    private Tensor input(Tensor tensor, Object original) {
        inputs.add(new Input(tensor, original));
        return tensor;
    }

    private static boolean same(Input input) {
        return switch (input.tensor().dtype()) {
            case FLOAT32 -> Arrays.equals((float[]) input.original(), input.tensor().toFloats());
            case INT32 -> Arrays.equals((int[]) input.original(), input.tensor().toInts());
            case UINT8, BOOL -> Arrays.equals((byte[]) input.original(), input.tensor().toBytes());
        };
    }

    private static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
