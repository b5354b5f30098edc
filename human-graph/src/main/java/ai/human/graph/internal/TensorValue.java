package ai.human.graph.internal;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;

/**
 * A tensor flowing through a run, held on the backend ({@link #device()}), in Java arrays ({@link #host()}), or both.
 *
 * <p>Small int32 shape arithmetic stays in Java: {@code Shape}, {@code StridedSlice} of a shape, {@code Pack} of a few
 * scalars and the like never touch the backend, and a host value becomes a backend tensor only when an op needs one
 * (cached for the rest of the run). Host arrays are never modified once made: {@code float[]} for FLOAT32,
 * {@code int[]} for INT32, {@code byte[]} for UINT8 and BOOL.
 */
final class TensorValue extends Value {
    final DType dtype;
    final Shape shape;
    private Object host;
    private Tensor device;

    private TensorValue(boolean borrowed, DType dtype, Shape shape, Object host, Tensor device) {
        super(borrowed);
        this.dtype = dtype;
        this.shape = shape;
        this.host = host;
        this.device = device;
    }

    /** A backend tensor this run made; the value closes it when freed. */
    static TensorValue of(Tensor tensor) {
        return new TensorValue(false, tensor.dtype(), tensor.shape(), null, tensor);
    }

    /** A caller's tensor: read, never closed. */
    static TensorValue borrowed(Tensor tensor) {
        return new TensorValue(true, tensor.dtype(), tensor.shape(), null, tensor);
    }

    /** Values computed in Java during this run. */
    static TensorValue host(DType dtype, Shape shape, Object data) {
        return new TensorValue(false, dtype, shape, data, null);
    }

    /** A model constant: Java values and/or a backend tensor the model owns; shared by all runs, never freed by one. */
    static TensorValue constant(DType dtype, Shape shape, Object data, Tensor device) {
        return new TensorValue(true, dtype, shape, data, device);
    }

    boolean hasHost() {
        return host != null;
    }

    /** The Java array, or {@code null}. */
    Object host() {
        return host;
    }

    /** The backend tensor, or {@code null}. */
    Tensor device() {
        return device;
    }

    long size() {
        return shape.size();
    }

    /** Remembers the backend copy of a host value for later consumers in the same run (run-owned values only). */
    void cacheDevice(Tensor tensor) {
        if (borrowed) {
            throw new IllegalStateException("A shared constant cannot cache a per-run tensor");
        }
        this.device = tensor;
    }

    /** Remembers the Java copy of a backend value (run-owned values only). */
    void cacheHost(Object data) {
        if (borrowed) {
            throw new IllegalStateException("A shared value cannot cache a per-run copy");
        }
        this.host = data;
    }

    @Override
    void onFree() {
        if (device != null) {
            device.close();
        }
    }

    @Override
    String describe() {
        return dtype.name().toLowerCase(java.util.Locale.ROOT) + shape + (device == null ? " (host)" : "");
    }

    @Override
    public String toString() {
        return "TensorValue[" + describe() + "]";
    }
}
