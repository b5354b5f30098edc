package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.ModelLoader;
import ai.human.model.TensorSpec;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules {@code MOD-*}: Human's default models load through {@code Backend.loadModel}, compute what TensorFlow.js
 * computes, leave nothing behind when run, free everything when closed and count their weights exactly; and
 * {@code NAT-01} around all of it. One test per rule and model ({@link Workload#models()}). The outputs are compared with
 * the goldens element by element (the spec's tolerance) and, for the backends measured in the repository, against the
 * ratchet of their measured worst difference ({@link ModelRatchet}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the model list comes from the kit instance
abstract class ModelRules extends RuleGroup {
    private static final ModelLoader LOADER = new ModelLoader();
    private static final Map<String, GraphModelDef> DEFINITIONS = new ConcurrentHashMap<>();

    private EngineCrossCheck engine;

    ModelRules(BackendCompatibilityKit kit) {
        super(kit, Capability.MODELS, false);
    }

    /** The models of the kit's workload, for {@code @MethodSource}. */
    final Stream<String> models() {
        return kit.checkedWorkload().models().stream();
    }

    @BeforeEach
    final void startCrossCheck() {
        engine = EngineCrossCheck.start(kit, backend);
    }

    @AfterEach
    final void endCrossCheck() {
        if (engine != null && backend != null) {
            engine.expectInStep("at the end of the test, its models closed,");
        }
    }

    @ParameterizedTest(name = "MOD-01 {0}: loads with loadModel, reports its signature and computes every output as "
            + "TensorFlow.js")
    @MethodSource("models")
    void computesWhatTensorFlowJsComputes(String name) {
        GraphModelDef def = definition(name);
        ModelGoldens.Golden golden = ModelGoldens.load(name);
        try (Model model = backend.loadModel(def)) {
            assertThat(model.name()).as("[MOD-01] Model.name() of %s", name).isEqualTo(name);
            assertThat(names(model.inputs())).as("[MOD-01] input tensor names of %s, as in its signature", name)
                    .containsExactlyElementsOf(names(def.inputs()));
            assertThat(names(model.outputs())).as("[MOD-01] output tensor names of %s, in signature order", name)
                    .containsExactlyElementsOf(names(def.outputs()));
            try (TensorScope scope = backend.scope()) {
                Map<String, Tensor> outputs = model.run(feed(model, golden.input().toTensor(backend)));
                assertThat(List.copyOf(outputs.keySet())).as("[MOD-01] keys of the outputs of %s.run: tensor names in "
                        + "signature order", name).containsExactlyElementsOf(names(def.outputs()));
                assertThat(scope.size()).as("[MOD-01] tensors in the caller's scope after a run of %s: the input and "
                        + "the %d outputs", name, outputs.size()).isEqualTo(1 + outputs.size());
                List<String> mismatches = new ArrayList<>();
                for (ModelGoldens.GoldenTensor expected : golden.signatureOutputs()) {
                    mismatch(name, expected, outputs.get(expected.name())).ifPresent(mismatches::add);
                }
                assertThat(mismatches).as("[MOD-01] outputs of %s that differ from TensorFlow.js 4.22 by more than "
                        + "%.0e absolute and %.0e relative (or, for a backend measured in the repository, by more than "
                        + "twice its measured worst: the model ratchet). Hint: compare the op semantics the OP rules "
                        + "check (SAME padding, resize modes, dequantised weights); run the op groups first", name,
                        ModelGoldens.ABSOLUTE_TOLERANCE, ModelGoldens.RELATIVE_TOLERANCE).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "MOD-02 {0}: repeated runs leave no tensor and no byte behind")
    @MethodSource("models")
    void repeatedRunsLeaveNothingBehind(String name) {
        int runs = kit.checkedWorkload().modelRuns();
        try (Model model = backend.loadModel(definition(name));
             Tensor input = ModelGoldens.load(name).input().toTensor(backend)) {
            runOnce(model, input); // may set up per-thread state or kernel caches once
            MemoryInfo first = backend.memory();
            engine.expectInStep("after the first run of " + name);
            for (int i = 0; i < runs; i++) {
                runOnce(model, input);
            }
            MemoryInfo after = backend.memory();
            String hint = "Hint: a run keeps an intermediate (a cache that is never evicted, a map of intermediates "
                    + "never cleared); free each intermediate after its last reader";
            assertThat(after.tensors()).as("[MOD-02] live tensors after %d more runs of %s, each run's outputs closed: "
                    + "%+d (%+d bytes) against after the first run (%s, now %s). %s", runs, name,
                    after.tensors() - first.tensors(), after.bytes() - first.bytes(), first, after, hint)
                    .isEqualTo(first.tensors());
            assertThat(after.bytes()).as("[MOD-02] live bytes after %d more runs of %s. %s", runs, name, hint)
                    .isEqualTo(first.bytes());
            assertThat(after.byOwner()).as("[MOD-02] live tensors by owner after %d more runs of %s. %s", runs, name,
                    hint).isEqualTo(first.byOwner());
            engine.expectInStep("after " + (runs + 1) + " runs of " + name);
        }
    }

    @ParameterizedTest(name = "MOD-03 {0}: Model.close() frees everything the model held")
    @MethodSource("models")
    void closingAModelFreesEverything(String name) {
        MemoryInfo before = backend.memory();
        Model model = backend.loadModel(definition(name));
        engine.expectInStep("after loading " + name);
        try (Tensor input = ModelGoldens.load(name).input().toTensor(backend)) {
            runOnce(model, input);
        }
        model.close();
        MemoryInfo after = backend.memory();
        assertThat(after.tensors()).as("[MOD-03] live tensors after loading, running and closing %s: %+d (%+d bytes) "
                + "against before the load (%s, now %s). Hint: Model.close() must free every weight and constant the "
                + "model made, and every cache it filled while running", name, after.tensors() - before.tensors(),
                after.bytes() - before.bytes(), before, after).isEqualTo(before.tensors());
        assertThat(after.bytes()).as("[MOD-03] live bytes after closing %s", name).isEqualTo(before.bytes());
        assertThat(after.byOwner()).as("[MOD-03] live tensors by owner after closing %s", name)
                .isEqualTo(before.byOwner());
        engine.expectInStep("after closing " + name);
        assertThatCode(model::close).as("[MOD-03] a second close() of %s must be harmless", name)
                .doesNotThrowAnyException();
        assertThat(backend.memory().tensors()).as("[MOD-03] live tensors after a second close() of %s", name)
                .isEqualTo(before.tensors());
    }

    @ParameterizedTest(name = "MOD-04 {0}: its weights count as Owner.MODEL, exactly Model.weightBytes(), until close")
    @MethodSource("models")
    void weightsAreCountedAsModelMemory(String name) {
        MemoryInfo before = backend.memory();
        Model model;
        try (TensorScope scope = backend.scope()) {
            model = backend.loadModel(definition(name)); // weights must outlive a scope the model is loaded in
            assertThat(scope.size()).as("[MOD-04] tensors a load of %s left in the caller's scope. Hint: create weights "
                    + "outside any scope (TensorTracker.outsideScopes)", name).isZero();
        }
        try {
            MemoryInfo loaded = backend.memory();
            MemoryInfo.Usage weights = delta(loaded.of(Owner.MODEL), before.of(Owner.MODEL));
            String hint = "Hint: create weights outside any scope (TensorTracker.outsideScopes) and give them to "
                    + "Owner.MODEL; count every weight's bytes as elements x element size";
            assertThat(weights.tensors()).as("[MOD-04] Owner.MODEL tensors after loading %s, which has weights. %s", name,
                    hint).isPositive();
            assertThat(weights.bytes()).as("[MOD-04] Owner.MODEL bytes after loading %s against its weightBytes() "
                    + "(%s). %s", name, loaded, hint).isEqualTo(model.weightBytes()).isPositive();
            assertThat(loaded.tensors() - before.tensors()).as("[MOD-04] live tensors after loading %s: only its "
                    + "weights (%s, before %s). Hint: loading must leave no temporary behind", name, loaded, before)
                    .isEqualTo(weights.tensors());
            assertThat(loaded.bytes() - before.bytes()).as("[MOD-04] live bytes after loading %s: only its weights",
                    name).isEqualTo(weights.bytes());
            engine.expectInStep("after loading " + name);
            try (Tensor input = ModelGoldens.load(name).input().toTensor(backend);
                 TensorScope scope = backend.scope()) {
                Map<String, Tensor> outputs = model.run(feed(model, input));
                assertThat(scope.size()).as("[MOD-04] tensors in the caller's scope after a run of %s", name)
                        .isEqualTo(outputs.size());
                assertThat(backend.memory().of(Owner.MODEL)).as("[MOD-04] Owner.MODEL usage while the outputs of a run "
                        + "of %s are alive: the weights, unchanged. Hint: give run outputs and intermediates to the "
                        + "calling scope, not to the model", name).isEqualTo(loaded.of(Owner.MODEL));
            }
        } finally {
            model.close();
        }
        assertThat(backend.memory().of(Owner.MODEL)).as("[MOD-04] Owner.MODEL usage after closing %s", name)
                .isEqualTo(before.of(Owner.MODEL));
    }

    @ParameterizedTest(name = "MOD-05 {0}: runs leave the inputs intact and give the outputs to the caller or the "
            + "innermost scope")
    @MethodSource("models")
    void outputsBelongToTheCallerOrTheScope(String name) {
        try (Model model = backend.loadModel(definition(name));
             Tensor input = ModelGoldens.load(name).input().toTensor(backend)) {
            float[] values = input.toFloats();
            long before = backend.memory().tensors();
            Map<String, Tensor> outputs = model.run(feed(model, input));
            try {
                assertThat(outputs.values()).as("[MOD-05] owners of the outputs of %s run outside any scope. Hint: "
                        + "results of a run belong to the caller", name).allMatch(t -> t.owner() == Owner.CALLER);
                assertThat(backend.memory().tensors() - before).as("[MOD-05] live tensors after a run of %s outside any "
                        + "scope: its %d outputs, nothing else", name, outputs.size()).isEqualTo(outputs.size());
            } finally {
                outputs.values().forEach(Tensor::close);
            }
            List<Tensor> scoped;
            try (TensorScope scope = backend.scope()) {
                scoped = List.copyOf(model.run(feed(model, input)).values());
                assertThat(scoped).as("[MOD-05] owners of the outputs of %s run in a scope", name)
                        .allMatch(t -> t.owner() == Owner.IN_FLIGHT);
                assertThat(scope.size()).as("[MOD-05] tensors in the scope after a run of %s: its outputs only. Hint: "
                        + "intermediates must not join the caller's scope", name).isEqualTo(scoped.size());
            }
            assertThat(scoped).as("[MOD-05] outputs of %s after the scope they were made in closed", name)
                    .allMatch(Tensor::isClosed);
            assertThat(input.isClosed()).as("[MOD-05] the input of %s after two runs. Hint: a run must never close "
                    + "its inputs", name).isFalse();
            assertThat(Arrays.equals(input.toFloats(), values)).as("[MOD-05] the input values of %s after two runs. "
                    + "Hint: a run must never write into its inputs", name).isTrue();
            assertThat(backend.memory().tensors()).as("[MOD-05] live tensors after both runs of %s", name)
                    .isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "MOD-06 {0}: run(inputs, outputNames) returns the named outputs in the order asked, as "
            + "TensorFlow.js computes them")
    @MethodSource("models")
    void namedOutputsComeAsAsked(String name) {
        ModelGoldens.Golden golden = ModelGoldens.load(name);
        try (Model model = backend.loadModel(definition(name));
             Tensor input = golden.input().toTensor(backend)) {
            // all signature outputs but the first, last first, by node name and by tensor name in turn
            List<TensorSpec> outputs = model.outputs();
            List<TensorSpec> wanted = new ArrayList<>(outputs.size() > 1 ? outputs.subList(1, outputs.size()) : outputs);
            Collections.reverse(wanted);
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                asked.add(i % 2 == 0 ? wanted.get(i).node() : wanted.get(i).name());
            }
            TensorScope scope = backend.scope();
            try {
                Map<String, Tensor> named = model.run(feed(model, input), asked);
                assertThat(List.copyOf(named.keySet())).as("[MOD-06] keys of %s.run(inputs, %s): the names as asked, in "
                        + "that order", name, asked).containsExactlyElementsOf(asked);
                assertThat(scope.size()).as("[MOD-06] tensors in the caller's scope after %s.run(inputs, %s): the %d "
                        + "asked for. Hint: outputs not asked for must be closed (or never made)", name, asked,
                        asked.size()).isEqualTo(asked.size());
                List<String> mismatches = new ArrayList<>();
                for (int i = 0; i < wanted.size(); i++) {
                    mismatch(name, golden.output(wanted.get(i).name()), named.get(asked.get(i)))
                            .ifPresent(mismatches::add);
                }
                assertThat(mismatches).as("[MOD-06] named outputs of %s that differ from TensorFlow.js (the spec's "
                        + "tolerance, or the model ratchet of a backend measured in the repository). Hint: an output "
                        + "asked for by name must be the same tensor run(inputs) returns", name).isEmpty();
            } finally {
                scope.close();
            }
        }
    }

    @Test
    @DisplayName("MOD-07 (SHOULD) inner graph nodes fetched by name, as Human's hand detector does, match TensorFlow.js")
    void innerNodesFetchedByNameMatch() {
        List<String> withInnerNodes = kit.checkedWorkload().models().stream()
                .filter(name -> !ModelGoldens.load(name).internalOutputs().isEmpty()).toList();
        Assumptions.assumeFalse(withInnerNodes.isEmpty(), () -> "[MOD-07] skipped: no model of the kit's workload() has "
                + "inner-node goldens (handtrack has)");
        for (String name : withInnerNodes) {
            ModelGoldens.Golden golden = ModelGoldens.load(name);
            List<String> asked = golden.internalOutputs().stream().map(ModelGoldens.GoldenTensor::name).toList();
            try (Model model = backend.loadModel(definition(name));
                 Tensor input = golden.input().toTensor(backend)) {
                TensorScope scope = backend.scope();
                try {
                    Map<String, Tensor> named;
                    try {
                        named = model.run(feed(model, input), asked);
                    } catch (ModelException refused) {
                        Assumptions.abort("[MOD-07] skipped: the models of this backend fetch signature outputs only ("
                                + name + ": " + refused.getMessage() + "); Human's hand detector then falls back to the "
                                + "signature outputs, at the cost of the model's own box selection");
                        return;
                    }
                    assertThat(List.copyOf(named.keySet())).as("[MOD-07] keys of %s.run(inputs, %s)", name, asked)
                            .containsExactlyElementsOf(asked);
                    assertThat(scope.size()).as("[MOD-07] tensors in the caller's scope after %s.run(inputs, %s): the "
                            + "%d asked for", name, asked, asked.size()).isEqualTo(asked.size());
                    List<String> mismatches = new ArrayList<>();
                    for (ModelGoldens.GoldenTensor expected : golden.internalOutputs()) {
                        mismatch(name, expected, named.get(expected.name())).ifPresent(mismatches::add);
                    }
                    assertThat(mismatches).as("[MOD-07] inner nodes of %s that differ from TensorFlow.js. Hint: an "
                            + "inner node must be computed as in the full graph", name).isEmpty();
                } finally {
                    scope.close();
                }
            }
        }
    }

    @Test
    @DisplayName("NAT-01 the engine's own count stays in step with memory() through model load, runs and close")
    void engineCountFollowsModels(TestInfo test) {
        assumeClaimed(Capability.NATIVE_COUNT, test);
        for (String name : kit.checkedWorkload().models()) {
            Model model = backend.loadModel(definition(name));
            engine.expectInStep("after loading " + name);
            try (Tensor input = ModelGoldens.load(name).input().toTensor(backend)) {
                Map<String, Tensor> outputs = model.run(feed(model, input));
                engine.expectInStep("with the outputs of a run of " + name + " alive");
                outputs.values().forEach(Tensor::close);
                engine.expectInStep("after closing the outputs of a run of " + name);
                runOnce(model, input);
                engine.expectInStep("after a run of " + name + " in a scope");
            } finally {
                model.close();
            }
            engine.expectInStep("after closing " + name);
        }
    }

    /** One run whose outputs a scope closes. */
    private void runOnce(Model model, Tensor input) {
        TensorScope scope = backend.scope();
        try {
            model.run(feed(model, input));
        } finally {
            scope.close();
        }
    }

    /** The input keyed by the model's own (single) input name. */
    private static Map<String, Tensor> feed(Model model, Tensor input) {
        assertThat(model.inputs()).as("[MOD-01] inputs of %s (every default model has one)", model.name()).hasSize(1);
        return Map.of(model.inputs().get(0).name(), input);
    }

    /**
     * What is wrong with one output: missing, another shape, beyond the spec's tolerance, or, for a backend the model
     * ratchet lists ({@link ModelRatchet}), beyond the ratchet of its measured worst difference.
     */
    private Optional<String> mismatch(String model, ModelGoldens.GoldenTensor expected, Tensor actual) {
        if (actual == null) {
            return Optional.of(expected + ": missing from the outputs");
        }
        if (!actual.shape().equals(expected.tensorShape())) {
            return Optional.of(expected + ": shape " + actual.shape());
        }
        float[] values = actual.toFloats();
        ModelGoldens.Difference d = ModelGoldens.compare(expected.floats(), values);
        if (d.matches()) {
            return ModelRatchet.of(backend.name()).flatMap(ratchet -> ratchet.check(model, expected, values));
        }
        return Optional.of(String.format(Locale.ROOT, "%s: %d elements differ, worst at %s: expected %s, "
                + "actual %s (max |diff| %.4g)", expected, d.mismatches(),
                Arrays.toString(ModelGoldens.position(d.worstIndex(), expected.shape())), d.expected(), d.actual(),
                d.maxAbsDiff()));
    }

    private static List<String> names(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::name).toList();
    }

    private static MemoryInfo.Usage delta(MemoryInfo.Usage now, MemoryInfo.Usage before) {
        return new MemoryInfo.Usage(now.tensors() - before.tensors(), now.bytes() - before.bytes());
    }

    static GraphModelDef definition(String name) {
        return DEFINITIONS.computeIfAbsent(name, n -> LOADER.load(ModelLoader.DEFAULT_BASE_PATH, n + ".json"));
    }
}
