package ai.human.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.human.backend.BackendOptions;
import ai.human.backend.UnaryOp;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each TensorScope has its own NDManager under the backend's root manager, and arrays follow their tensors. */
class DjlScopeManagersTest {
    private DjlBackend backend;
    private NDManager root;

    @BeforeEach
    void open() {
        backend = new DjlBackend(BackendOptions.defaults());
        try (Tensor probe = backend.scalar(0f)) {
            root = managerOf(probe);
        }
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void tensorsOutsideScopesLiveInTheRootManager() {
        Tensor t = backend.fromFloats(new float[] {1, 2}, Shape.of(2));

        assertThat(managerOf(t)).isSameAs(root);
        assertThat(root.getParentManager()).isNotNull();
        assertThat(root.getManagedArrays()).hasSize(1);
    }

    @Test
    void aScopeHasItsOwnSubManagerOfTheRootHoldingItsTensors() {
        try (TensorScope scope = backend.scope()) {
            Tensor a = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
            Tensor b = backend.unary(UnaryOp.EXP, a);
            NDManager scopeManager = managerOf(a);

            assertThat(scopeManager).isNotSameAs(root);
            assertThat(scopeManager.getParentManager()).isSameAs(root);
            assertThat(managerOf(b)).isSameAs(scopeManager);
            assertThat(scopeManager.getManagedArrays()).hasSize(2);
            assertThat(scope.size()).isEqualTo(2);
        }
        assertThat(root.getManagedArrays()).isEmpty();
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void keptTensorsMoveToTheEnclosingScopesManagerThenToTheRoot() {
        Tensor kept;
        try (TensorScope outer = backend.scope()) {
            Tensor outerTensor = backend.scalar(1f);
            NDManager outerManager = managerOf(outerTensor);
            NDManager innerManager;
            try (TensorScope inner = backend.scope()) {
                kept = backend.fromFloats(new float[] {3, 4}, Shape.of(2));
                innerManager = managerOf(kept);
                assertThat(innerManager).isNotSameAs(outerManager);
                inner.keep(kept);
                assertThat(managerOf(kept)).isSameAs(outerManager);
                assertThat(kept.owner()).isEqualTo(Owner.IN_FLIGHT);
            }
            assertThat(innerManager.isOpen()).isFalse();
            assertThat(kept.isClosed()).isFalse();
            outer.keep(kept);
            assertThat(managerOf(kept)).isSameAs(root);
            assertThat(kept.owner()).isEqualTo(Owner.CALLER);
        }
        assertThat(kept.toFloats()).containsExactly(3, 4);
        assertThat(root.getManagedArrays()).hasSize(1);
        assertThat(backend.engineLiveArrays()).isEqualTo(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void closingAnOuterScopeFirstNeverFreesTheInnerScopesArrays() {
        TensorScope outer = backend.scope();
        Tensor outerTensor = backend.scalar(7f);
        TensorScope inner = backend.scope();
        Tensor innerTensor = backend.fromFloats(new float[] {5, 6}, Shape.of(2));

        outer.close();
        assertThat(outerTensor.isClosed()).isTrue();
        assertThat(innerTensor.isClosed()).isFalse();
        assertThat(innerTensor.toFloats()).containsExactly(5, 6);
        assertThat(backend.engineLiveArrays()).isEqualTo(backend.memory().tensors()).isEqualTo(1);

        inner.keep(innerTensor);
        assertThat(managerOf(innerTensor)).isSameAs(root);
        inner.close();
        assertThat(innerTensor.toFloats()).containsExactly(5, 6);
        assertThat(backend.engineLiveArrays()).isEqualTo(1);
    }

    @Test
    void aScopeOnAnotherThreadGetsItsOwnManager() throws Exception {
        AtomicReference<NDManager> otherManager = new AtomicReference<>();
        AtomicReference<Tensor> fromOtherThread = new AtomicReference<>();
        try (TensorScope mine = backend.scope()) {
            Tensor local = backend.scalar(1f);
            Thread thread = new Thread(() -> {
                try (TensorScope theirs = backend.scope()) {
                    Tensor t = backend.scalar(2f);
                    otherManager.set(managerOf(t));
                    fromOtherThread.set(theirs.keep(t));
                }
            });
            thread.start();
            thread.join();
            assertThat(otherManager.get()).isNotSameAs(managerOf(local)).isNotSameAs(root);
            assertThat(managerOf(fromOtherThread.get())).isSameAs(root);
            assertThat(mine.size()).isEqualTo(1);
        }
        assertThat(backend.engineLiveArrays()).isEqualTo(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void closingTheBackendWithAnOpenScopeFreesItsArraysAndTheScopeClosesQuietlyLater() {
        TensorScope scope = backend.scope();
        Tensor t = backend.fromFloats(new float[] {1}, Shape.of(1));
        NDArray array = t.unwrap(NDArray.class);

        backend.close();

        assertThat(t.isClosed()).isTrue();
        assertThat(array.isReleased()).isTrue();
        assertThat(backend.engineLiveArrays()).isZero();
        scope.close();
        assertThat(backend.memory().tensors()).isZero();
    }

    private static NDManager managerOf(Tensor tensor) {
        return tensor.unwrap(NDArray.class).getManager();
    }
}
