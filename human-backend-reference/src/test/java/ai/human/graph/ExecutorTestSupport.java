package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A reference backend per test and a run helper that checks every run frees what it made. */
abstract class ExecutorTestSupport {
    ReferenceBackend backend;

    /** An output read back to Java. */
    record Out(DType dtype, Shape shape, float[] values) {
        int[] dims() {
            return shape.toArray();
        }
    }

    @BeforeEach
    void openBackend() {
        backend = new ReferenceBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    Tensor floats(float[] values, int... shape) {
        return backend.fromFloats(values, Shape.of(shape));
    }

    Tensor ints(int[] values, int... shape) {
        return backend.fromInts(values, Shape.of(shape));
    }

    /** Runs the signature outputs and returns them read back; fails when the run leaves any tensor behind. */
    Map<String, Out> run(GraphModelDef def, Map<String, Tensor> inputs) {
        try (GraphExecutor executor = GraphExecutor.compile(backend, def)) {
            return run(executor, inputs, null);
        }
    }

    /** Runs chosen outputs (or the signature's when {@code outputs} is null) and checks nothing stays behind. */
    Map<String, Out> run(GraphExecutor executor, Map<String, Tensor> inputs, List<String> outputs) {
        long before = backend.memory().tensors();
        Map<String, Tensor> result = outputs == null ? executor.run(inputs) : executor.run(inputs, outputs);
        assertThat(backend.memory().tensors()).as("live tensors after the run: the baseline plus the outputs")
                .isEqualTo(before + result.size());
        Map<String, Out> read = new LinkedHashMap<>();
        result.forEach((name, t) -> {
            read.put(name, new Out(t.dtype(), t.shape(), t.toFloats()));
            t.close();
        });
        assertThat(backend.memory().tensors()).as("live tensors after closing the outputs").isEqualTo(before);
        return read;
    }

    /** The single output of a one-output graph. */
    Out runOne(GraphModelDef def, Map<String, Tensor> inputs) {
        Map<String, Out> out = run(def, inputs);
        assertThat(out).hasSize(1);
        return out.values().iterator().next();
    }
}
