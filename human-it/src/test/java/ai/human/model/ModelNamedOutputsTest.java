package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.Backend;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelNamedOutputsTest {

    /** Two outputs, {@code a:0 = x + 1} and {@code b:0 = x * 2}, made on every run. */
    private static final class TwoOutputs implements Model {
        final Backend backend;
        final List<Tensor> made = new ArrayList<>();

        TwoOutputs(Backend backend) {
            this.backend = backend;
        }

        @Override
        public String name() {
            return "two";
        }

        @Override
        public List<TensorSpec> inputs() {
            return List.of(new TensorSpec("x", "x:0", "x", 0, DType.FLOAT32, new int[] {1}));
        }

        @Override
        public List<TensorSpec> outputs() {
            return List.of(new TensorSpec("first", "a:0", "a", 0, DType.FLOAT32, new int[] {1}),
                    new TensorSpec("second", "b:0", "b", 0, DType.FLOAT32, new int[] {1}));
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            float x = inputs.get("x:0").toFloat();
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("a:0", backend.fromFloats(new float[] {x + 1}, Shape.of(1)));
            out.put("b:0", backend.fromFloats(new float[] {x * 2}, Shape.of(1)));
            made.addAll(out.values());
            return out;
        }

        @Override
        public long weightBytes() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void namedOutputsComeInTheOrderAskedAndTheRestIsClosed() {
        try (ReferenceBackend backend = new ReferenceBackend()) {
            TwoOutputs model = new TwoOutputs(backend);
            Tensor x = backend.fromFloats(new float[] {3}, Shape.of(1));
            Map<String, Tensor> out = model.run(Map.of("x:0", x), List.of("second"));
            assertThat(out).containsOnlyKeys("second");
            assertThat(out.get("second").toFloat()).isEqualTo(6f);
            assertThat(model.made.get(0).isClosed()).isTrue();

            Map<String, Tensor> both = model.run(Map.of("x:0", x), List.of("b:0", "a"));
            assertThat(List.copyOf(both.keySet())).containsExactly("b:0", "a");
            assertThat(both.get("a").toFloat()).isEqualTo(4f);
        }
    }

    @Test
    void anUnknownNameFailsBeforeRunningAndListsTheOutputs() {
        try (ReferenceBackend backend = new ReferenceBackend()) {
            TwoOutputs model = new TwoOutputs(backend);
            Tensor x = backend.fromFloats(new float[] {3}, Shape.of(1));
            assertThatThrownBy(() -> model.run(Map.of("x:0", x), List.of("StatefulPartitionedCall/Postprocessor/Slice")))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("no signature output 'StatefulPartitionedCall/Postprocessor/Slice'")
                    .hasMessageContaining("a:0");
            assertThat(model.made).isEmpty();
        }
    }
}
