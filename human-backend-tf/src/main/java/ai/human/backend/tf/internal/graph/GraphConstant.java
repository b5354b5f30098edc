package ai.human.backend.tf.internal.graph;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;

import ai.human.backend.spi.NativeTensor;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Tensor;

/**
 * The native side of one model weight: the {@code Const} node that holds it in the model's TensorFlow graph. Its
 * memory is TensorFlow's and is freed with the graph when the model closes; {@link #release()} only takes it off
 * the {@link ConstantLedger}. Reading it copies the value out of the graph. {@code unwrap(TF_Operation.class)} gives
 * the node (owned by the graph).
 */
final class GraphConstant implements NativeTensor {
    /** Runs a read while the model's graph is guaranteed to stay open; throws if it is closed. */
    interface Guard {
        <T> T whileOpen(Supplier<T> body);
    }

    private final GraphSession session;
    private final TF_Operation op;
    private final long tfBytes;
    private final ConstantLedger ledger;
    private final Guard guard;

    GraphConstant(GraphSession session, TF_Operation op, ConstantLedger ledger, Guard guard) {
        this.session = session;
        this.op = op;
        this.tfBytes = session.constantBytes(op);
        this.ledger = ledger;
        this.guard = guard;
        ledger.add(tfBytes);
    }

    @Override
    public Object nativeObject() {
        return op;
    }

    @Override
    public float[] readFloats() {
        return read((data, bytes) -> {
            float[] out = new float[(int) (bytes / 4)];
            if (out.length > 0) {
                new FloatPointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    @Override
    public int[] readInts() {
        return read((data, bytes) -> {
            int[] out = new int[(int) (bytes / 4)];
            if (out.length > 0) {
                new IntPointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    @Override
    public byte[] readBytes() {
        return read((data, bytes) -> {
            byte[] out = new byte[(int) bytes];
            if (out.length > 0) {
                new BytePointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    private interface Reader<T> {
        T read(Pointer data, long bytes);
    }

    private <T> T read(Reader<T> reader) {
        return guard.whileOpen(() -> {
            TF_Tensor value = session.constantValue(op);
            try {
                return reader.read(TF_TensorData(value), TF_TensorByteSize(value));
            } finally {
                TF_DeleteTensor(value);
            }
        });
    }

    @Override
    public void release() {
        ledger.remove(tfBytes);
    }
}
