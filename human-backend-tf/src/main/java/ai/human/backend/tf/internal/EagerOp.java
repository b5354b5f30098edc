package ai.human.backend.tf.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteTensorHandle;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_Execute;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpAddInput;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpAddInputList;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrBool;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrFloat;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrInt;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrIntList;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrString;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrStringList;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpSetAttrType;

import ai.human.backend.BackendException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_Op;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * One eager TensorFlow op being built and run: inputs, attributes, then {@link #execute}. The op and its status
 * are freed by {@link #close()}; the output handles belong to the caller (already recorded by the context).
 * Type attributes such as {@code T} and {@code N} are inferred from the inputs by TensorFlow.
 *
 * <pre>{@code
 * try (EagerOp op = context.op("AddV2")) {
 *     TFE_TensorHandle sum = op.input(a).input(b).executeOne();
 * }
 * }</pre>
 */
final class EagerOp implements AutoCloseable {
    private static final int MAX_OUTPUTS = 8;

    /**
     * Native out-parameters of {@code TFE_Execute}, one set per thread: allocating them per op cost about half of
     * a small op's overhead. JavaCPP frees them when their thread is gone.
     */
    private static final class OutputSlots {
        final PointerPointer<TFE_TensorHandle> handles = new PointerPointer<>(MAX_OUTPUTS);
        final IntPointer count = new IntPointer(1);
    }

    private static final Map<String, BytePointer> ATTR_STRINGS = new ConcurrentHashMap<>();

    private static final ThreadLocal<OutputSlots> OUTPUT_SLOTS = ThreadLocal.withInitial(OutputSlots::new);

    private final EagerContext owner;
    private final String type;
    private final NativeStatus status = new NativeStatus();
    private final TFE_Op op;

    EagerOp(EagerContext owner, TFE_Context context, String type) {
        this.owner = owner;
        this.type = type;
        TFE_Op created = TFE_NewOp(context, type, status.get());
        try {
            status.check("creating op " + type);
        } catch (RuntimeException e) {
            status.close();
            throw e;
        }
        this.op = created;
    }

    public EagerOp input(TFE_TensorHandle handle) {
        TFE_OpAddInput(op, handle, status.get());
        status.check("adding an input to op " + type);
        return this;
    }

    public EagerOp inputs(List<TFE_TensorHandle> handles) {
        try (PointerPointer<TFE_TensorHandle> list = new PointerPointer<>(handles.size())) {
            for (int i = 0; i < handles.size(); i++) {
                list.put(i, handles.get(i));
            }
            TFE_OpAddInputList(op, list, handles.size(), status.get());
        }
        status.check("adding an input list to op " + type);
        return this;
    }

    public EagerOp attr(String name, long value) {
        TFE_OpSetAttrInt(op, name, value);
        return this;
    }

    public EagerOp attr(String name, float value) {
        TFE_OpSetAttrFloat(op, name, value);
        return this;
    }

    public EagerOp attr(String name, boolean value) {
        TFE_OpSetAttrBool(op, name, (byte) (value ? 1 : 0));
        return this;
    }

    /** A string attribute; the values used here are a handful of constants, kept native once. */
    public EagerOp attr(String name, String value) {
        BytePointer pointer = ATTR_STRINGS.computeIfAbsent(value,
                v -> new BytePointer(v.getBytes(StandardCharsets.UTF_8)));
        TFE_OpSetAttrString(op, name, pointer, pointer.capacity());
        return this;
    }

    public EagerOp attr(String name, long[] values) {
        TFE_OpSetAttrIntList(op, name, values, values.length);
        return this;
    }

    public EagerOp attr(String name, String[] values) {
        BytePointer[] strings = new BytePointer[values.length];
        // the PointerPointer overload: the Pointer ones pass their argument by pointer-to-pointer (one element)
        try (BytePointer attrName = new BytePointer(name);
             PointerPointer<BytePointer> pointers = new PointerPointer<>(values.length);
             SizeTPointer lengths = new SizeTPointer(values.length)) {
            for (int i = 0; i < values.length; i++) {
                byte[] bytes = values[i].getBytes(StandardCharsets.UTF_8);
                strings[i] = new BytePointer(bytes);
                pointers.put(i, strings[i]);
                lengths.put(i, bytes.length);
            }
            TFE_OpSetAttrStringList(op, attrName, pointers, lengths, values.length);
        } finally {
            for (BytePointer s : strings) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return this;
    }

    /** A {@code type} attribute ({@code TF_DataType} code). */
    public EagerOp attrType(String name, int tfType) {
        TFE_OpSetAttrType(op, name, tfType);
        return this;
    }

    /** Runs the op; every output handle is recorded by the context and owned by the caller. */
    public TFE_TensorHandle[] execute() {
        OutputSlots slots = OUTPUT_SLOTS.get();
        slots.count.put(MAX_OUTPUTS);
        TFE_Execute(op, slots.handles, slots.count, status.get());
        status.check("op " + type);
        int n = slots.count.get();
        TFE_TensorHandle[] handles = new TFE_TensorHandle[n];
        for (int i = 0; i < n; i++) {
            handles[i] = new TFE_TensorHandle(slots.handles.get(i));
        }
        return adoptAll(handles);
    }

    /** Runs an op with one output. */
    public TFE_TensorHandle executeOne() {
        TFE_TensorHandle[] outputs = execute();
        if (outputs.length != 1) {
            owner.deleteAll(outputs);
            throw new BackendException("TensorFlow op " + type + " returned " + outputs.length
                    + " outputs where one was expected");
        }
        return outputs[0];
    }

    private TFE_TensorHandle[] adoptAll(TFE_TensorHandle[] handles) {
        int adopted = 0;
        try {
            for (; adopted < handles.length; adopted++) {
                owner.adopt(handles[adopted]);
            }
            return handles;
        } catch (RuntimeException e) {
            // adopt deleted the failing handle; delete the ones adopted before it and the ones after it
            for (int i = 0; i < adopted; i++) {
                owner.delete(handles[i]);
            }
            for (int i = adopted + 1; i < handles.length; i++) {
                TFE_DeleteTensorHandle(handles[i]);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        TFE_DeleteOp(op);
        status.close();
    }
}
