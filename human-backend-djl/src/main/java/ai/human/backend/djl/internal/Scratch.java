package ai.human.backend.djl.internal;

import ai.djl.pytorch.engine.PtNDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate arrays of one op, closed when the op ends, so a composed op leaves nothing behind whether it
 * succeeds or throws. An op's result never goes in here.
 *
 * <pre>{@code
 * try (Scratch s = new Scratch()) {
 *     PtNDArray d = s.add(JniUtils.sub(a, b));
 *     return JniUtils.mul(d, d);   // the result, owned by the caller
 * }
 * }</pre>
 */
public final class Scratch implements AutoCloseable {
    private final List<PtNDArray> arrays = new ArrayList<>(8);

    /** Registers an intermediate for closing and returns it. */
    public PtNDArray add(PtNDArray array) {
        arrays.add(array);
        return array;
    }

    @Override
    public void close() {
        for (int i = arrays.size() - 1; i >= 0; i--) {
            arrays.get(i).close();
        }
        arrays.clear();
    }
}
