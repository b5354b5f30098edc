package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.TopK;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules {@code OP-GEN-*} that hold for every op. {@code OP-GEN-01} (nothing left behind) and {@code OP-GEN-02}
 * (inputs intact) are checked after every op test of every group; the ones here need their own scenario.
 */
abstract class OpContractRules extends RuleGroup {

    OpContractRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_CORE, true);
    }

    @Test
    @DisplayName("OP-GEN-03 an op that rejects its arguments throws a RuntimeException and leaves no tensor behind")
    void rejectedArgumentsLeaveNothing() {
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor b = t.floats(new float[] {1, 2, 3, 4}, 4);
            Tensor ints = t.ints(new int[] {1, 2, 3}, 1, 3);
            Tensor image = t.floats(new float[16], 1, 4, 4, 1);
            Tensor filter = t.floats(new float[18], 3, 3, 2, 1);
            Tensor index = t.ints(new int[] {5}, 1);
            rejects("reshape of 6 elements to [4]", () -> backend.reshape(a, Shape.of(4)));
            rejects("binary ADD of [2, 3] and [4] (not broadcastable)", () -> backend.binary(BinaryOp.ADD, a, b));
            rejects("concat of FLOAT32 and INT32", () -> backend.concat(List.of(a, ints), 0));
            rejects("conv2d of a 1-channel input with a 2-channel filter",
                    () -> backend.conv2d(image, filter, ConvSpec.of(1, Padding.SAME), Fused.NONE));
            rejects("matMul of [2, 3] x [2, 3]", () -> backend.matMul(a, a, false, false, Fused.NONE));
            rejects("gather of index 5 from an axis of length 2", () -> backend.gather(a, index, 0));
            rejects("slice beyond the end", () -> backend.slice(a, new int[] {1, 1}, new int[] {2, 2}));
        }
    }

    private void rejects(String call, ThrowingCallable op) {
        long before = backend.memory().tensors();
        assertThatThrownBy(op).as("[OP-GEN-03] %s must be refused. Hint: validate shapes and throw a BackendException "
                + "saying what is wrong", call).isInstanceOf(RuntimeException.class);
        assertThat(backend.memory().tensors()).as("[OP-GEN-03] live tensors after the refused %s. Hint: close "
                + "intermediates on the error path too (a scope inside the op does it)", call).isEqualTo(before);
    }

    @Test
    @DisplayName("OP-GEN-04 op results belong to the caller outside a scope and to the innermost scope inside one")
    void resultsJoinTheCurrentScope() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {3, 1, 2, 4}, 1, 2, 2, 1);
            Tensor w = t.floats(new float[] {1}, 1, 1, 1, 1);
            Tensor outside = t.result(backend.binary(BinaryOp.MUL, x, x));
            assertThat(outside.owner()).as("[OP-GEN-04] owner of an op result made outside any scope")
                    .isEqualTo(Owner.CALLER);
            List<Tensor> inside = new ArrayList<>();
            try (TensorScope scope = backend.scope()) {
                inside.add(backend.binary(BinaryOp.ADD, x, x));
                inside.add(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.NONE));
                inside.add(backend.reshape(x, Shape.of(4)));
                TopK top = backend.topK(inside.get(2), 2, true);
                inside.addAll(top.tensors().toList());
                inside.addAll(backend.split(inside.get(2), 0, new int[] {1, 3}));
                assertThat(inside).as("[OP-GEN-04] owners of op results made in a scope. Hint: create results through "
                        + "the tracker on the calling thread").allMatch(r -> r.owner() == Owner.IN_FLIGHT);
                assertThat(scope.size()).as("[OP-GEN-04] tensors the scope will close").isEqualTo(inside.size());
            }
            assertThat(inside).as("[OP-GEN-04] op results after their scope closed").allMatch(Tensor::isClosed);
        }
    }
}
