package ai.human.backend.djl.internal;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Copies Java arrays into PyTorch-owned NDArrays and back.
 *
 * <p>DJL's own {@code NDManager.create} wraps a direct {@code ByteBuffer} that stays the tensor's memory and is only
 * freed by the garbage collector. Here the values go through a per-thread staging buffer and are copied into memory
 * that PyTorch allocates, so closing the array frees it at once and views of it never outlive their memory.
 */
public final class NdArrays {
    private static final int CHUNK_BYTES = 4 << 20;
    private static final Device CPU = Device.cpu();
    private static final ThreadLocal<ByteBuffer> STAGING = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.nativeOrder()));

    private NdArrays() {
    }

    /** Writes elements {@code [from, from + count)} of a Java array into {@code buffer} (native order). */
    @FunctionalInterface
    private interface Filler {
        void fill(ByteBuffer buffer, int from, int count);
    }

    public static PtNDArray fromFloats(PtNDManager manager, float[] values, long[] shape) {
        return create(manager, shape, DataType.FLOAT32, values.length,
                (buffer, from, count) -> buffer.asFloatBuffer().put(values, from, count));
    }

    public static PtNDArray fromInts(PtNDManager manager, int[] values, long[] shape) {
        return create(manager, shape, DataType.INT32, values.length,
                (buffer, from, count) -> buffer.asIntBuffer().put(values, from, count));
    }

    public static PtNDArray fromLongs(PtNDManager manager, long[] values, long[] shape) {
        return create(manager, shape, DataType.INT64, values.length,
                (buffer, from, count) -> buffer.asLongBuffer().put(values, from, count));
    }

    /** UINT8 or BOOLEAN values (bool bytes must be 0 or 1). */
    public static PtNDArray fromBytes(PtNDManager manager, byte[] values, long[] shape, DataType dataType) {
        return create(manager, shape, dataType, values.length,
                (buffer, from, count) -> buffer.put(values, from, count));
    }

    /** A scalar of {@code dataType} holding {@code value}. */
    public static PtNDArray scalar(PtNDManager manager, double value, DataType dataType) {
        return JniUtils.full(manager, new Shape(), value, dataType, CPU, SparseFormat.DENSE);
    }

    /** An array of {@code shape} filled with {@code value}. */
    public static PtNDArray full(PtNDManager manager, long[] shape, double value, DataType dataType) {
        return JniUtils.full(manager, new Shape(shape), value, dataType, CPU, SparseFormat.DENSE);
    }

    public static float[] toFloats(PtNDArray array, int count) {
        float[] out = new float[count];
        if (count > 0) {
            read(array, buffer -> buffer.asFloatBuffer().get(out));
        }
        return out;
    }

    public static int[] toInts(PtNDArray array, int count) {
        int[] out = new int[count];
        if (count > 0) {
            read(array, buffer -> buffer.asIntBuffer().get(out));
        }
        return out;
    }

    public static long[] toLongs(PtNDArray array, int count) {
        long[] out = new long[count];
        if (count > 0) {
            read(array, buffer -> buffer.asLongBuffer().get(out));
        }
        return out;
    }

    public static byte[] toBytes(PtNDArray array, int count) {
        byte[] out = new byte[count];
        if (count > 0) {
            read(array, buffer -> buffer.get(out));
        }
        return out;
    }

    /**
     * Hands {@code reader} PyTorch's own memory of {@code array}'s values in row-major order (native byte order),
     * valid only during the call: a contiguous array is read in place, any other through a temporary contiguous copy.
     * (DJL's copying read goes through a Java {@code byte[]}; its direct read of a non-contiguous array would leave
     * the contiguous copy in the array's manager.)
     */
    public static void read(PtNDArray array, Consumer<ByteBuffer> reader) {
        PtNDArray flat = JniUtils.flatten(array, 0, -1);
        try {
            reader.accept(JniUtils.getByteBuffer(flat, true));
        } finally {
            flat.close();
        }
    }

    private static PtNDArray create(PtNDManager manager, long[] shape, DataType dataType, int length, Filler filler) {
        int elementBytes = dataType.getNumOfBytes();
        int perChunk = CHUNK_BYTES / elementBytes;
        ByteBuffer staging = STAGING.get();
        if (length <= perChunk) {
            staging.clear();
            filler.fill(staging, 0, length);
            PtNDArray blob = JniUtils.createNdFromByteBuffer(manager, staging, new Shape(shape), dataType,
                    SparseFormat.DENSE, CPU);
            try {
                return JniUtils.clone(blob);
            } finally {
                blob.close();
            }
        }
        PtNDArray flat = JniUtils.createEmptyNdArray(manager, new Shape(length), dataType, CPU, SparseFormat.DENSE);
        try {
            for (int from = 0; from < length; from += perChunk) {
                int count = Math.min(perChunk, length - from);
                staging.clear();
                filler.fill(staging, from, count);
                PtNDArray blob = JniUtils.createNdFromByteBuffer(manager, staging, new Shape(count), dataType,
                        SparseFormat.DENSE, CPU);
                try {
                    JniUtils.indexSet(flat, blob, new long[] {from}, new long[] {from + count}, new long[] {1});
                } finally {
                    blob.close();
                }
            }
            return JniUtils.reshape(flat, shape);
        } finally {
            flat.close();
        }
    }
}
