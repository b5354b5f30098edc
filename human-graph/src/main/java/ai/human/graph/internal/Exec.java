package ai.human.graph.internal;

import ai.human.backend.Backend;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kernel sees while it runs: the backend, and conversions between host and backend values. One per run (or per
 * constant-folding step), used by one thread. Tensors a kernel registers with {@link #temp} are closed right after it.
 */
final class Exec {
    final Backend backend;
    private final List<Tensor> temps = new ArrayList<>(4);

    Exec(Backend backend) {
        this.backend = backend;
    }

    /** Closes {@code tensor} after the current kernel; returns it. */
    Tensor temp(Tensor tensor) {
        temps.add(tensor);
        return tensor;
    }

    /** Closes the temporaries of the kernel that just ran. */
    void closeTemps() {
        if (temps.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        for (Tensor t : temps) {
            try {
                t.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        temps.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The value as a backend tensor, made from its Java values if needed (cached for run-owned values). */
    Tensor device(Value value) {
        TensorValue v = tensor(value);
        Tensor t = v.device();
        if (t != null) {
            return t;
        }
        t = HostArrays.toTensor(backend, v.dtype, v.shape, v.host());
        if (v.borrowed) {
            temp(t);
        } else {
            v.cacheDevice(t);
        }
        return t;
    }

    /** The value's Java array, read back from the backend if needed (cached for run-owned values). */
    Object host(Value value) {
        TensorValue v = tensor(value);
        Object data = v.host();
        if (data == null) {
            data = HostArrays.read(v.device());
            if (!v.borrowed) {
                v.cacheHost(data);
            }
        }
        return data;
    }

    /** The value as a host value (read back if needed). */
    TensorValue hostValue(Value value) {
        TensorValue v = tensor(value);
        if (v.hasHost()) {
            return v;
        }
        Object data = host(v);
        return v.hasHost() ? v : TensorValue.host(v.dtype, v.shape, data);
    }

    int[] ints(Value value) {
        return HostArrays.toInts(host(value));
    }

    int intScalar(Value value) {
        return (int) scalar(value);
    }

    float floatScalar(Value value) {
        return (float) scalar(value);
    }

    double scalar(Value value) {
        TensorValue v = tensor(value);
        if (v.size() != 1) {
            throw new IllegalArgumentException("expected a single value, got " + v.describe());
        }
        return HostArrays.get(host(v), 0);
    }

    boolean bool(Value value) {
        return scalar(value) != 0;
    }

    static TensorValue tensor(Value value) {
        if (value instanceof TensorValue v) {
            return v;
        }
        throw new IllegalArgumentException("expected a tensor, got " + (value == null ? "nothing" : value.describe()));
    }

    static boolean allHost(Value[] values) {
        for (Value v : values) {
            if (!(v instanceof TensorValue t) || !t.hasHost()) {
                return false;
            }
        }
        return true;
    }

    static Shape shapeOf(Value value) {
        return tensor(value).shape;
    }

    /** A run-owned value for a tensor a kernel made. */
    static TensorValue out(Tensor tensor) {
        return TensorValue.of(tensor);
    }
}
