package ai.human.backend.djl.internal;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.spi.NativeTensor;
import ai.human.tensor.Shape;

/**
 * The PyTorch array behind one Human tensor: exactly one {@link PtNDArray} handle, closed in {@link #release()}.
 *
 * <p>Activations and other tensors are {@link Layout#PLAIN}. Conv and depthwise filters made by
 * {@code Backend.weight} are held in PyTorch's layout, so convolutions use them as they are; {@link #tfView} gives
 * their TensorFlow layout to any other op, and reads return TensorFlow order.
 */
public final class NdTensor implements NativeTensor {
    private static final int UNIT_INTERVAL_CHECK_LIMIT = 4096;
    private final PtNDArray array;
    private final Layout layout;
    private final Shape shape;
    /** Null until {@link #withinUnitInterval()} is first asked; values never change, so the answer holds. */
    private volatile Boolean withinUnitInterval;

    /**
     * @param array  the array, now owned by this tensor
     * @param layout how {@code array} holds the tensor's values
     * @param shape  the tensor's (TensorFlow) shape
     */
    public NdTensor(PtNDArray array, Layout layout, Shape shape) {
        this.array = array;
        this.layout = layout;
        this.shape = shape;
    }

    /** The array as PyTorch holds it (PyTorch layout for filters). */
    public PtNDArray array() {
        return array;
    }

    public Layout layout() {
        return layout;
    }

    /**
     * The array in the tensor's TensorFlow layout: the array itself, or for filters a view registered in
     * {@code scratch}.
     */
    public PtNDArray tfView(Scratch scratch) {
        return switch (layout) {
            case PLAIN -> array;
            // [out, in, h, w] -> [h, w, in, out]
            case CONV_FILTER -> scratch.add(JniUtils.permute(array, new long[] {2, 3, 1, 0}));
            // [in * m, 1, h, w] -> [in, m, h, w] -> [h, w, in, m]
            case DEPTHWISE_FILTER -> {
                PtNDArray split = scratch.add(JniUtils.reshape(array,
                        new long[] {shape.dim(2), shape.dim(3), shape.dim(0), shape.dim(1)}));
                yield scratch.add(JniUtils.permute(split, new long[] {2, 3, 0, 1}));
            }
        };
    }

    /**
     * True when this float tensor is small ({@value #UNIT_INTERVAL_CHECK_LIMIT} values at most) and every value lies
     * in [0, 1]; read once and remembered. PReLU uses it: with such slopes {@code max(x, alpha * x)} is exact.
     */
    public boolean withinUnitInterval() {
        Boolean known = withinUnitInterval;
        if (known == null) {
            boolean within = shape.size() <= UNIT_INTERVAL_CHECK_LIMIT;
            if (within) {
                for (float v : readFloats()) {
                    within &= v >= 0 && v <= 1;
                }
            }
            withinUnitInterval = known = within;
        }
        return known;
    }

    @Override
    public Object nativeObject() {
        return array;
    }

    @Override
    public float[] readFloats() {
        int count = Math.toIntExact(shape.size());
        if (layout == Layout.PLAIN) {
            return NdArrays.toFloats(array, count);
        }
        try (Scratch scratch = new Scratch()) {
            return NdArrays.toFloats(tfView(scratch), count);
        }
    }

    @Override
    public int[] readInts() {
        return NdArrays.toInts(array, Math.toIntExact(shape.size()));
    }

    @Override
    public byte[] readBytes() {
        return NdArrays.toBytes(array, Math.toIntExact(shape.size()));
    }

    @Override
    public void release() {
        array.close();
    }
}
