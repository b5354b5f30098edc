package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules {@code DET-*}: {@code Human.create(config, backend)} and {@code detect} on the backend give back everything
 * they make. Each test starts from a fresh backend; the baselines are the backend's counts before {@code create}
 * ({@code DET-04}) and right after it ({@code DET-01}). {@code NAT-01} is checked at every step.
 */
abstract class DetectionRules extends RuleGroup {
    /** Faces asked for, so that {@code face.detector.return} hands out several crops (every sample has 3 or more). */
    private static final int MAX_FACES = 3;
    private static final int SAMPLE = 1;

    DetectionRules(BackendCompatibilityKit kit) {
        super(kit, Capability.DETECTION, false);
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (DetectionSetup.Modules modules : DetectionSetup.Modules.values()) {
            for (boolean returnTensors : new boolean[] {false, true}) {
                for (boolean deallocate : new boolean[] {false, true}) {
                    all.add(Arguments.of(returnTensors, deallocate, modules));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "DET-01 return={0}, deallocate={1}, {2}: closing the result returns the count to the "
            + "baseline")
    @MethodSource("combinations")
    void closingTheResultReturnsToTheBaseline(boolean returnTensors, boolean deallocate, DetectionSetup.Modules modules) {
        EngineCrossCheck engine = EngineCrossCheck.start(kit, backend);
        MemoryInfo empty = backend.memory();
        String scenario = String.format(Locale.ROOT,
                "return=%s, deallocate=%s, %s", returnTensors, deallocate, modules);
        Human human = Human.create(config(modules, returnTensors, deallocate), backend);
        try {
            MemoryInfo created = backend.memory();
            engine.expectInStep("after Human.create (" + scenario + ")");
            // the second round meets the caches the first one filled (frame cache, skipped detector runs)
            for (int round = 1; round <= 2; round++) {
                String when = "detect #" + round + " (" + scenario + ")";
                Tensor input = SampleImages.tensor(backend, SAMPLE);
                MemoryInfo withInput = backend.memory();
                Result result = human.detect(input);
                try {
                    int faces = expectFaces(result, "DET-01", when);
                    long carried = result.tensors().count();
                    long carriedBytes = result.tensors().mapToLong(Tensor::byteSize).sum();
                    expectResultTensors(result, returnTensors, faces, when);
                    MemoryInfo during = backend.memory();
                    if (deallocate) {
                        assertThat(input.isClosed()).as("[DET-02] the input tensor after %s. Hint: with deallocate "
                                + "true, detect closes its input before it returns", when).isTrue();
                        assertThat(during.tensors()).as("[DET-02] live tensors after %s: the baseline after create "
                                + "(%s) plus the %d tensors the result carries; the input's share must be gone (now "
                                + "%s). Hint: closing a tensor must free it even after ops have read it (no cache "
                                + "keyed by an input may outlive it)", when, created, carried, during)
                                .isEqualTo(created.tensors() + carried);
                        assertThat(during.bytes()).as("[DET-02] live bytes after %s: the baseline after create plus the "
                                + "result's tensors (now %s)", when, during).isEqualTo(created.bytes() + carriedBytes);
                    } else {
                        assertThat(input.isClosed()).as("[DET-02] the input tensor after %s. Hint: with deallocate "
                                + "false the input stays the caller's", when).isFalse();
                        assertThat(during.tensors()).as("[DET-01] live tensors after %s: the baseline with the input "
                                + "(%s) plus the %d tensors the result carries (now %s). Hint: every intermediate of "
                                + "detect must be closed by its scope", when, withInput, carried, during)
                                .isEqualTo(withInput.tensors() + carried);
                    }
                    engine.expectInStep("after " + when);
                } finally {
                    result.close();
                }
                MemoryInfo released = backend.memory();
                MemoryInfo expected = deallocate ? created : withInput;
                expectSame("DET-01", "after closing the result of " + when, expected, released,
                        "Result.close() must free every tensor the result carried, and detect must leave nothing else");
                engine.expectInStep("after closing the result of " + when);
                if (!deallocate) {
                    input.close();
                    expectSame("DET-01", "after the caller closed the input of " + when, created, backend.memory(),
                            "closing the input must free it");
                }
            }
        } finally {
            human.close();
        }
        expectSame("DET-04", "after Human.close() (" + scenario + ")", empty, backend.memory(),
                "Human.close() closes its models: Model.close() must free every weight");
        engine.expectInStep("after Human.close() (" + scenario + ")");
    }

    @Test
    @DisplayName("DET-02 deallocate: detect closes its input at once, also in the caller's scope and when it refuses it")
    void deallocateClosesTheInput() {
        EngineCrossCheck engine = EngineCrossCheck.start(kit, backend);
        try (Human human = Human.create(config(DetectionSetup.Modules.FACE_ONLY, true, true), backend)) {
            MemoryInfo created = backend.memory();
            TensorScope scope = backend.scope();
            try {
                Tensor input = SampleImages.tensor(backend, SAMPLE);
                Result result = human.detect(input);
                expectFaces(result, "DET-02", "detect in the caller's scope");
                assertThat(input.isClosed()).as("[DET-02] an input made in the caller's scope, after detect with "
                        + "deallocate true").isTrue();
            } finally {
                scope.close(); // closes the input a second time and the result's crops: both must be harmless
            }
            expectSame("DET-02", "after the caller's scope around a deallocating detect closed", created,
                    backend.memory(), "a tensor closed early must be counted once; the scope's close of it is a no-op");
            engine.expectInStep("after the caller's scope around a deallocating detect closed");

            Tensor unusable = backend.fromBytes(new byte[4 * 4 * 2], Shape.of(1, 4, 4, 2), DType.UINT8);
            assertThatThrownBy(() -> human.detect(unusable)).as("[DET-02] detect of a 2-channel tensor")
                    .isInstanceOf(RuntimeException.class);
            assertThat(unusable.isClosed()).as("[DET-02] a refused input after detect with deallocate true").isTrue();
            expectSame("DET-02", "after detect refused an input with deallocate true", created, backend.memory(),
                    "the refused input must be freed too");
        }
    }

    @Test
    @DisplayName("DET-03 face crops are Owner.RESULT; take() hands one to the caller; Result.close() frees the rest")
    void resultTensorsBelongToTheResult() {
        EngineCrossCheck engine = EngineCrossCheck.start(kit, backend);
        try (Human human = Human.create(config(DetectionSetup.Modules.FACE_ONLY, true, false), backend);
             Tensor input = SampleImages.tensor(backend, SAMPLE)) {
            MemoryInfo before = backend.memory();
            Tensor taken;
            try (Result result = human.detect(input)) {
                int faces = expectFaces(result, "DET-03", "detect with return=true");
                expectResultTensors(result, true, faces, "detect with return=true");
                taken = result.face().get(0).tensor().take();
                assertThat(taken.owner()).as("[DET-03] owner of a face crop taken out of the result. Hint: "
                        + "TensorTracker.setOwner must move the tensor between owners").isEqualTo(Owner.CALLER);
                MemoryInfo now = backend.memory();
                assertThat(now.of(Owner.RESULT).tensors()).as("[DET-03] Owner.RESULT tensors after taking one of %d "
                        + "crops (%s)", faces, now).isEqualTo(faces - 1);
            }
            assertThat(taken.isClosed()).as("[DET-03] a taken crop after its result closed").isFalse();
            MemoryInfo after = backend.memory();
            assertThat(after.of(Owner.RESULT)).as("[DET-03] Owner.RESULT usage after Result.close()")
                    .isEqualTo(MemoryInfo.Usage.NONE);
            assertThat(after.tensors()).as("[DET-03] live tensors after Result.close(): the baseline plus the taken crop")
                    .isEqualTo(before.tensors() + 1);
            engine.expectInStep("after Result.close() with a crop taken out");
            taken.close();
            expectSame("DET-03", "after closing the taken crop", before, backend.memory(), "closing must free it");
            engine.expectInStep("after closing the taken crop");
        }
    }

    @Test
    @DisplayName("DET-04 Human.close() returns the backend to its count before create, results left open included")
    void closingHumanReturnsToTheCountBeforeCreate() {
        EngineCrossCheck engine = EngineCrossCheck.start(kit, backend);
        MemoryInfo empty = backend.memory();
        Human human = Human.create(config(DetectionSetup.Modules.FACE_ONLY, true, true), backend);
        Result forgotten = human.detect(SampleImages.tensor(backend, SAMPLE));
        expectFaces(forgotten, "DET-04", "detect with return=true");
        assertThat(forgotten.tensors().count()).as("[DET-04] face crops left open before Human.close()").isPositive();
        human.close();
        expectSame("DET-04", "after Human.close() with a result left open", empty, backend.memory(),
                "Human.close() frees the models and the crops of results not closed");
        engine.expectInStep("after Human.close() with a result left open");
        forgotten.close();
        assertThat(backend.memory().tensors()).as("[DET-04] live tensors after closing a result of a closed Human")
                .isEqualTo(empty.tensors());
    }

    private HumanConfig config(DetectionSetup.Modules modules, boolean returnTensors, boolean deallocate) {
        return DetectionSetup.config(kit.checkedWorkload(), modules, returnTensors, deallocate, MAX_FACES, 0.7);
    }

    private static int expectFaces(Result result, String rule, String when) {
        assertThat(result.face()).as("[%s] faces found by %s in %s, a group photo. Hint: the models compute wrong "
                + "numbers; check the MOD-01 results", rule, when, SampleImages.name(SAMPLE)).isNotEmpty();
        return result.face().size();
    }

    private void expectResultTensors(Result result, boolean returnTensors, int faces, String when) {
        List<Tensor> carried = result.tensors().toList();
        MemoryInfo.Usage owned = backend.memory().of(Owner.RESULT);
        if (!returnTensors) {
            assertThat(carried).as("[DET-03] tensors carried by the result of %s", when).isEmpty();
            assertThat(owned).as("[DET-03] Owner.RESULT usage after %s", when).isEqualTo(MemoryInfo.Usage.NONE);
            return;
        }
        assertThat(carried).as("[DET-03] face crops carried by the result of %s: one per face", when).hasSize(faces);
        assertThat(carried).as("[DET-03] owners of the face crops of %s. Hint: a tensor kept out of a scope and given to "
                + "a result is Owner.RESULT", when).allMatch(t -> t.owner() == Owner.RESULT);
        assertThat(owned).as("[DET-03] Owner.RESULT usage after %s: the crops' tensors and bytes", when)
                .isEqualTo(new MemoryInfo.Usage(carried.size(), carried.stream().mapToLong(Tensor::byteSize).sum()));
    }

    private static void expectSame(String rule, String when, MemoryInfo expected, MemoryInfo actual, String hint) {
        assertThat(actual.tensors()).as("[%s] live tensors %s: %+d (%+d bytes) against the baseline (%s, now %s). Hint: "
                + "%s", rule, when, actual.tensors() - expected.tensors(), actual.bytes() - expected.bytes(), expected,
                actual, hint).isEqualTo(expected.tensors());
        assertThat(actual.bytes()).as("[%s] live bytes %s (baseline %s). Hint: %s", rule, when, expected, hint)
                .isEqualTo(expected.bytes());
        assertThat(actual.byOwner()).as("[%s] live tensors by owner %s. Hint: %s", rule, when, hint)
                .isEqualTo(expected.byOwner());
    }
}
