package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks one result tensor; every failure message starts with the rule ID, says what was computed and which element
 * differs, and ends with a hint of what to look at in the backend.
 *
 * <pre>{@code
 * check("OP-CONV-02", "conv2d SAME stride 2 of a 4x4 input", HINT, y).shape(1, 2, 2, 1).floats(54, 45, 72, 54);
 * }</pre>
 */
final class TensorCheck {
    private static final int MISMATCHES_SHOWN = 5;

    private final String rule;
    private final String what;
    private final String hint;
    private final double tolerance;
    private final Tensor actual;

    TensorCheck(String rule, String what, String hint, double tolerance, Tensor actual) {
        this.rule = rule;
        this.what = what;
        this.hint = hint;
        this.tolerance = tolerance;
        this.actual = actual;
    }

    TensorCheck dtype(DType dtype) {
        assertThat(actual.dtype()).as("[%s] dtype of %s. Hint: %s", rule, what, hint).isEqualTo(dtype);
        return this;
    }

    TensorCheck shape(int... dims) {
        return shape(Shape.of(dims));
    }

    TensorCheck shape(Shape shape) {
        assertThat(actual.shape()).as("[%s] shape of %s. Hint: %s", rule, what, hint).isEqualTo(shape);
        return this;
    }

    /** FLOAT32 values within the kit's tolerance (NaN matches NaN, infinities match exactly). */
    TensorCheck floats(float... expected) {
        dtype(DType.FLOAT32);
        float[] values = actual.toFloats();
        sameCount(values.length, expected.length);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!close(values[i], expected[i])) {
                count++;
                if (mismatches.size() < MISMATCHES_SHOWN) {
                    mismatches.add("element " + i + " at " + coordinates(i) + " is " + values[i] + ", expected " + expected[i]);
                }
            }
        }
        report(count, mismatches, " (allowed difference " + tolerance + " x max(1, |expected|))");
        return this;
    }

    /** Exact values read with {@code toInts()} (INT32, UINT8, or BOOL as 0/1). */
    TensorCheck ints(int... expected) {
        int[] values = actual.toInts();
        sameCount(values.length, expected.length);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            if (values[i] != expected[i]) {
                count++;
                if (mismatches.size() < MISMATCHES_SHOWN) {
                    mismatches.add("element " + i + " at " + coordinates(i) + " is " + values[i] + ", expected " + expected[i]);
                }
            }
        }
        report(count, mismatches, "");
        return this;
    }

    /** BOOL values given as 0 and 1. */
    TensorCheck bools(int... expected) {
        dtype(DType.BOOL);
        return ints(expected);
    }

    private boolean close(float value, float expected) {
        if (Float.isNaN(expected) || Float.isInfinite(expected)) {
            return Float.compare(value, expected) == 0;
        }
        return Math.abs(value - expected) <= tolerance * Math.max(1.0, Math.abs(expected));
    }

    private void sameCount(int actualCount, int expectedCount) {
        assertThat(actualCount).as("[%s] number of elements of %s (shape %s). Hint: %s", rule, what, actual.shape(), hint)
                .isEqualTo(expectedCount);
    }

    private void report(int count, List<String> mismatches, String note) {
        assertThat(count).withFailMessage(() -> "[" + rule + "] " + what + ": " + count + " of " + actual.size()
                        + " elements differ" + note + ": " + String.join("; ", mismatches)
                        + (count > mismatches.size() ? "; ..." : "") + ". Hint: " + hint)
                .isZero();
    }

    private String coordinates(int flat) {
        int[] dims = actual.shape().toArray();
        int[] coords = new int[dims.length];
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            coords[axis] = flat % dims[axis];
            flat /= dims[axis];
        }
        return Arrays.toString(coords);
    }
}
