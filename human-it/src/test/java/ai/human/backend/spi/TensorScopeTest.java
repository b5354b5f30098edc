package ai.human.backend.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BinaryOp;
import ai.human.backend.TopK;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TensorScopeTest {
    private final ReferenceBackend backend = new ReferenceBackend();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private Tensor vector(float... values) {
        return backend.fromFloats(values, Shape.of(values.length));
    }

    @Test
    void scopeClosesEverythingMadeInsideExceptKept() {
        Tensor before = vector(1);
        Tensor temp;
        Tensor kept;
        try (TensorScope scope = backend.scope()) {
            temp = vector(2);
            kept = scope.keep(backend.binary(BinaryOp.ADD, temp, before));
            assertThat(scope.size()).isEqualTo(1);
        }
        assertThat(temp.isClosed()).isTrue();
        assertThat(kept.isClosed()).isFalse();
        assertThat(before.isClosed()).isFalse();
        assertThat(kept.toFloats()).containsExactly(3f);
        assertThat(backend.memory().tensors()).isEqualTo(2);
    }

    @Test
    void outsideScopesHidesTheScopesAlreadyOpenButNotTheOnesItOpens() {
        Tensor survivor;
        try (TensorScope scope = backend.scope()) {
            survivor = TensorTracker.outsideScopes(() -> {
                try (TensorScope inner = backend.scope()) {
                    Tensor[] temp = {vector(5)};
                    Tensor made = inner.keep(backend.binary(BinaryOp.ADD, temp[0], temp[0]));
                    assertThat(temp[0].owner()).isEqualTo(Owner.IN_FLIGHT);
                    return new Tensor[] {made};
                }
            })[0];
            assertThat(survivor.owner()).isEqualTo(Owner.CALLER);
            assertThat(scope.size()).isZero();
            assertThat(vector(1).owner()).isEqualTo(Owner.IN_FLIGHT);
        }
        assertThat(survivor.isClosed()).isFalse();
        assertThat(survivor.toFloats()).containsExactly(10f);
        assertThat(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void keepFromAnInnerScopeMovesTheTensorToTheEnclosingScope() {
        Tensor moved;
        try (TensorScope outer = backend.scope()) {
            try (TensorScope inner = backend.scope()) {
                moved = inner.keep(vector(1));
                assertThat(inner.size()).isZero();
            }
            assertThat(moved.isClosed()).isFalse();
            assertThat(moved.owner()).isEqualTo(Owner.IN_FLIGHT);
            assertThat(outer.size()).isEqualTo(1);
        }
        assertThat(moved.isClosed()).isTrue();
    }

    @Test
    void keepFromTheOutermostScopeGivesTheTensorToTheCaller() {
        Tensor kept;
        try (TensorScope outer = backend.scope()) {
            try (TensorScope inner = backend.scope()) {
                kept = inner.keep(vector(1));
            }
            outer.keep(kept);
        }
        assertThat(kept.isClosed()).isFalse();
        assertThat(kept.owner()).isEqualTo(Owner.CALLER);
        assertThat(backend.memory().of(Owner.CALLER).tensors()).isEqualTo(1);
        assertThat(backend.memory().of(Owner.IN_FLIGHT).tensors()).isZero();
    }

    @Test
    void keepFromAScopeWhoseParentClosedFirstGivesTheTensorToTheCaller() {
        TensorScope outer = backend.scope();
        TensorScope inner = backend.scope();
        Tensor tensor = vector(1);
        outer.close();
        inner.keep(tensor);
        inner.close();
        assertThat(tensor.isClosed()).isFalse();
        assertThat(tensor.owner()).isEqualTo(Owner.CALLER);
    }

    @Test
    void keepOfATensorMadeOutsideTheScopeChangesNothing() {
        Tensor outside = vector(1);
        try (TensorScope scope = backend.scope()) {
            assertThat(scope.keep(outside)).isSameAs(outside);
            assertThat(scope.size()).isZero();
        }
        assertThat(outside.isClosed()).isFalse();
        assertThat(outside.owner()).isEqualTo(Owner.CALLER);
    }

    @Test
    void aTensorClosedInsideTheScopeLeavesIt() {
        try (TensorScope scope = backend.scope()) {
            vector(1).close();
            assertThat(scope.size()).isZero();
        }
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void closingAScopeTwiceIsHarmless() {
        TensorScope scope = backend.scope();
        Tensor tensor = vector(1);
        scope.close();
        scope.close();
        assertThat(tensor.isClosed()).isTrue();
        assertThat(backend.tracker().currentScope()).isNull();
    }

    @Test
    void currentScopeIsTheInnermostOpenOne() {
        assertThat(backend.tracker().currentScope()).isNull();
        try (TensorScope outer = backend.scope()) {
            try (TensorScope inner = backend.scope()) {
                assertThat(backend.tracker().currentScope()).isSameAs(inner);
            }
            assertThat(backend.tracker().currentScope()).isSameAs(outer);
        }
    }

    @Test
    void aScopeClosesOnlyTensorsMadeOnItsOwnThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Tensor fromPool;
            try (TensorScope scope = backend.scope()) {
                fromPool = pool.submit(() -> vector(1)).get();
                vector(2);
                assertThat(scope.size()).isEqualTo(1);
            }
            assertThat(fromPool.isClosed()).isFalse();
            assertThat(fromPool.owner()).isEqualTo(Owner.CALLER);
            assertThat(backend.memory().tensors()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tidyKeepsAReturnedTensorAndClosesTheRest() {
        List<Tensor> made = new ArrayList<>();
        Tensor result = backend.tidy(() -> {
            Tensor a = vector(1, 2);
            made.add(a);
            return backend.binary(BinaryOp.MUL, a, a);
        });
        assertThat(made).allMatch(Tensor::isClosed);
        assertThat(result.toFloats()).containsExactly(1f, 4f);
        assertThat(result.owner()).isEqualTo(Owner.CALLER);
        assertThat(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void tidyKeepsTensorsOfListsMapsAndContainersAtAnyDepth() {
        List<Tensor> list = backend.tidy(() -> {
            vector(0);
            return List.of(vector(1), vector(2));
        });
        Map<String, List<Tensor>> map = backend.tidy(() -> Map.of("nested", List.of(vector(3))));
        TopK top = backend.tidy(() -> backend.topK(vector(5, 9, 7), 2, true));
        TensorContainer custom = backend.tidy(() -> {
            Tensor a = vector(4);
            return () -> Stream.of(a);
        });
        assertThat(list).noneMatch(Tensor::isClosed);
        assertThat(map.get("nested")).noneMatch(Tensor::isClosed);
        assertThat(top.indices().toInts()).containsExactly(1, 2);
        assertThat(custom.tensors()).noneMatch(Tensor::isClosed);
        assertThat(backend.memory().tensors()).isEqualTo(2 + 1 + 2 + 1);
    }

    @Test
    void tidyWithAPlainResultClosesEverything() {
        float[] values = backend.tidy(() -> backend.binary(BinaryOp.ADD, vector(1), vector(2)).toFloats());
        assertThat(values).containsExactly(3f);
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void tidyClosesEverythingWhenItsBodyThrows() {
        assertThatThrownBy(() -> backend.tidy(() -> {
            vector(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.tracker().currentScope()).isNull();
    }

    @Test
    void scopeListenersSeeEachStepInOrder() {
        List<String> events = new ArrayList<>();
        backend.tracker().addScopeListener(new ScopeListener() {
            @Override
            public void opened(TensorScope scope) {
                events.add("opened");
            }

            @Override
            public void tensorAdded(TensorScope scope, Tensor tensor) {
                events.add("added #" + tensor.id());
            }

            @Override
            public void tensorKept(TensorScope from, TensorScope to, Tensor tensor) {
                events.add("kept #" + tensor.id() + (to == null ? " to caller" : " to parent"));
            }

            @Override
            public void closing(TensorScope scope) {
                events.add("closing");
            }

            @Override
            public void closed(TensorScope scope) {
                events.add("closed");
            }
        });
        Tensor kept;
        try (TensorScope scope = backend.scope()) {
            vector(1);
            kept = scope.keep(vector(2));
        }
        long first = kept.id() - 1;
        assertThat(events).containsExactly("opened", "added #" + first, "added #" + kept.id(),
                "kept #" + kept.id() + " to caller", "closing", "closed");
    }
}
