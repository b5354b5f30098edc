package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendSelector;
import ai.human.image.ImageException;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and odd tensors through {@code Human.detect(Tensor)} on one backend with the full preset: wrong rank, batch,
 * channels or dtype, no pixels, closed, from another backend instance or another backend, and well-formed tensors
 * with values no image has (NaN, infinities, huge, negative). Each gives a result or an {@code ImageException} that
 * says what was wrong; the caller's tensor stays the caller's (open, still counted) and nothing else is left on the
 * backend. With {@code deallocate: true} the input is closed also when it is refused.
 */
public abstract class TensorInputsContract extends OneHumanPerClass {
    private Backend otherInstance;
    private Backend otherBackend;
    private Human deallocating;

    /** A tensor case: how to make the input, and the message fragments of the refusal (none: a result). */
    public record TensorCase(String name, Function<TensorInputsContract, Tensor> make, List<String> refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void createOtherBackendsAndADeallocatingHuman() {
        otherInstance = createBackend();
        // the pure-Java backend of module human-backend-reference (on the test classpath), found by name
        otherBackend = BackendSelector.fromEnvironment().select("reference").provider().create(BackendOptions.defaults());
        deallocating = Human.create(fullConfig("deallocate=true"), backend);
        baseline = liveTensors();
    }

    @AfterAll
    void closeOtherBackendsAndTheDeallocatingHuman() {
        deallocating.close();
        otherInstance.close();
        otherBackend.close();
    }

    static List<TensorCase> cases() {
        List<TensorCase> out = new ArrayList<>();
        out.add(refused("rank 1", t -> t.floats(Shape.of(12), 1f), "rank 1", "[1, height, width, 3]"));
        out.add(refused("rank 2", t -> t.floats(Shape.of(8, 8), 1f), "rank 2"));
        out.add(refused("rank 5", t -> t.floats(Shape.of(1, 1, 8, 8, 3), 1f), "rank 5"));
        out.add(refused("batch of 2", t -> t.floats(Shape.of(2, 8, 8, 3), 1f), "batch of 2", "once per image"));
        out.add(refused("1 channel", t -> t.floats(Shape.of(1, 8, 8, 1), 1f), "1 channels", "RGB"));
        out.add(refused("2 channels", t -> t.floats(Shape.of(1, 8, 8, 2), 1f), "2 channels"));
        out.add(refused("5 channels", t -> t.floats(Shape.of(8, 8, 5), 1f), "5 channels"));
        out.add(refused("bool dtype", t -> t.cast(t.floats(Shape.of(1, 8, 8, 3), 1f), DType.BOOL), "boolean"));
        out.add(refused("zero height", t -> t.floats(Shape.of(1, 0, 8, 3), 1f), "no pixels"));
        out.add(refused("zero-sized", t -> t.floats(Shape.of(1, 0, 0, 3), 1f), "no pixels"));
        out.add(refused("zero-sized [h, w, c]", t -> t.floats(Shape.of(0, 0, 3), 1f), "no pixels"));
        out.add(refused("closed", t -> {
            Tensor x = t.floats(Shape.of(1, 8, 8, 3), 1f);
            x.close();
            return x;
        }, "closed"));
        out.add(refused("from another instance of this backend",
                t -> t.otherInstance.fromFloats(new float[64 * 64 * 3], Shape.of(1, 64, 64, 3)), "another", "backend"));
        out.add(refused("from the reference backend",
                t -> t.otherBackend.fromFloats(new float[64 * 64 * 3], Shape.of(1, 64, 64, 3)), "reference", "backend"));
        out.add(result("uint8 1x1", t -> t.backend.fromBytes(new byte[] {10, 20, 30}, Shape.of(1, 1, 1, 3), DType.UINT8)));
        out.add(result("float32 1x1 [h, w, c]", t -> t.floats(Shape.of(1, 1, 3), 128f)));
        out.add(result("int32 3x500", t -> t.cast(t.floats(Shape.of(1, 3, 500, 3), 77f), DType.INT32)));
        out.add(result("float32 700x2 RGBA", t -> t.floats(Shape.of(1, 700, 2, 4), 200f)));
        out.add(result("all NaN", t -> t.floats(Shape.of(1, 96, 128, 3), Float.NaN)));
        out.add(result("all +infinity", t -> t.floats(Shape.of(1, 96, 128, 3), Float.POSITIVE_INFINITY)));
        out.add(result("all -infinity", t -> t.floats(Shape.of(1, 96, 128, 3), Float.NEGATIVE_INFINITY)));
        out.add(result("all 1e30", t -> t.floats(Shape.of(1, 96, 128, 3), 1e30f)));
        out.add(result("all -1000", t -> t.floats(Shape.of(1, 96, 128, 3), -1000f)));
        out.add(result("values 0..1 instead of 0..255", t -> t.pattern(96, 128, 1f / 255)));
        out.add(result("int32 values up to 100000", t -> t.cast(t.pattern(96, 128, 400f), DType.INT32)));
        out.add(result("half NaN", t -> {
            float[] v = t.patternValues(96, 128, 1f);
            for (int i = 0; i < v.length; i += 2) {
                v[i] = Float.NaN;
            }
            return t.backend.fromFloats(v, Shape.of(1, 96, 128, 3));
        }));
        return out;
    }

    private static TensorCase refused(String name, Function<TensorInputsContract, Tensor> make, String... fragments) {
        return new TensorCase(name, make, List.of(fragments));
    }

    private static TensorCase result(String name, Function<TensorInputsContract, Tensor> make) {
        return new TensorCase(name, make, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachTensorGivesAResultOrAnImageExceptionAndLeavesOnlyTheCallersTensor(TensorCase c) {
        Tensor input = c.make().apply(this);
        boolean closedBefore = input.isClosed();
        long withInput = liveTensors();
        try {
            Throwable thrown = catchThrowable(() -> human.detect(input).close());
            if (c.refusal().isEmpty()) {
                assertThat(thrown).as("detect(%s)", c.name()).isNull();
            } else {
                assertThat(thrown).isInstanceOf(ImageException.class);
                for (String fragment : c.refusal()) {
                    assertThat(thrown.getMessage().toLowerCase(Locale.ROOT)).as("message: %s", thrown.getMessage())
                            .contains(fragment.toLowerCase(Locale.ROOT));
                }
            }
            assertThat(input.isClosed()).as("the caller's tensor is left as it was").isEqualTo(closedBefore);
            assertThat(liveTensors()).as("live tensors after detect(%s)", c.name()).isEqualTo(withInput);
        } finally {
            input.close();
        }
        assertThat(liveTensors()).isEqualTo(baseline);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withDeallocateTheInputIsClosedWhateverHappens(TensorCase c) {
        Tensor input = c.make().apply(this);
        boolean ours = input.backend() == backend;
        try {
            long before = liveTensors();
            long expected = ours && !input.isClosed() ? before - 1 : before;
            Throwable thrown = catchThrowable(() -> deallocating.detect(input).close());
            assertThat(thrown == null).as("detect(%s) succeeded", c.name()).isEqualTo(c.refusal().isEmpty());
            assertThat(input.isClosed()).as("input closed by detect").isTrue();
            assertThat(liveTensors()).as("live tensors after detect(%s)", c.name()).isEqualTo(expected);
        } finally {
            input.close();
        }
        assertThat(liveTensors()).isEqualTo(baseline);
    }

    @Test
    void aNullTensorIsRefusedWithAClearMessage() {
        Throwable thrown = catchThrowable(() -> human.detect((Tensor) null));
        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessageContaining("image");
        assertThat(liveTensors()).isEqualTo(baseline);
    }

    /** {@code x} cast to {@code dtype}; {@code x} is closed. */
    Tensor cast(Tensor x, DType dtype) {
        try (x) {
            return backend.cast(x, dtype);
        }
    }

    Tensor floats(Shape shape, float value) {
        float[] values = new float[(int) shape.size()];
        Arrays.fill(values, value);
        return backend.fromFloats(values, shape);
    }

    float[] patternValues(int height, int width, float scale) {
        float[] values = new float[height * width * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i * 37) % 256) * scale;
        }
        return values;
    }

    Tensor pattern(int height, int width, float scale) {
        return backend.fromFloats(patternValues(height, width, scale), Shape.of(1, height, width, 3));
    }
}
