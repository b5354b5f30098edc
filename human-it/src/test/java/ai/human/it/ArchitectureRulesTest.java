package ai.human.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.reference.ReferenceBackend;
import ai.human.backend.tf.TfBackend;
import ai.human.cli.HumanCli;
import ai.human.config.HumanConfig;
import ai.human.config.SplitPackageFixture;
import ai.human.error.HumanException;
import ai.human.examples.FolderToJsonLines;
import ai.human.graph.GraphExecutor;
import ai.human.it.fixture.arch.PublicImportsInternal;
import ai.human.it.fixture.arch.cycle.a.CycleA;
import ai.human.it.fixture.arch.cycle.b.CycleB;
import ai.human.it.fixture.arch.internal.PublicInternalType;
import ai.human.tck.BackendCompatibilityKit;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the layout (docs/architecture in the README), over the production classes of every module
 * (human-it has them all on its test classpath; human-bench, never installed, is outside), each shown to fail on a
 * small fixture:
 * <ol>
 *   <li>no cycle between the packages {@code ai.human..}, each package a slice;</li>
 *   <li>no package split across modules: a package's production classes come from one jar;</li>
 *   <li>a public package imports no {@code internal} package except its own {@code <package>.internal..}: the facade
 *       {@code ai.human} is the composition root that builds the pipelines of {@code ai.human.internal..}; a backend's,
 *       the graph executor's and the config's public package use their own internals; SPI packages
 *       ({@code ai.human.backend}, {@code .backend.spi}, {@code .tensor}, {@code .model}) use none;</li>
 *   <li>a type in an {@code internal} package is public only when another package must use it: the allowlist
 *       {@link #PUBLIC_INTERNAL_TYPES} names each with who needs it, and every entry must still be public and used
 *       from outside its package.</li>
 * </ol>
 */
class ArchitectureRulesTest {

    /** The composition root: the one public package allowed to build what {@code ai.human.internal..} holds. */
    static final String COMPOSITION_ROOT = "ai.human";

    /**
     * Every public type in an internal package, with the packages that need it (all in the type's own module: no
     * module of ours uses another's internals). A public package listed is the composition root of its module
     * ({@code ai.human}, {@code ai.human.graph}, a backend's); an entry starting {@code test:} is public for the
     * tests named (contracts in other packages).
     */
    static final Map<String, String> PUBLIC_INTERNAL_TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry("ai.human.backend.djl.internal.AllocatorWarmup", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.Checks", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.DTypes", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.DjlEngine", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.DjlPrivacy", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.ElementwiseOps", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.FilterLayouts", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.ImageOps", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.Layout", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.NdArrays", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.NdTensor", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.NnOps", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.ReduceOps", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.ScopeManagers", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.Scratch", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.ShapeOps", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.djl.internal.TopKSelection", "ai.human.backend.djl"),
            Map.entry("ai.human.backend.tf.internal.DataTypes", "ai.human.backend.tf.internal.graph, ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.EagerContext", "ai.human.backend.tf.internal.graph, ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.FusedTail", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.ImageKernels", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.MathKernels", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.NativeLibrary", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.NativeStatus", "ai.human.backend.tf.internal.graph"),
            Map.entry("ai.human.backend.tf.internal.NeuralKernels", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.ShapeKernels", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.TfTensor", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.graph.ConstantLedger", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.graph.ModelHost", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.graph.RemapperPolicy", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.graph.SessionConfig", "ai.human.backend.tf"),
            Map.entry("ai.human.backend.tf.internal.graph.TfGraphModel", "ai.human.backend.tf"),
            Map.entry("ai.human.graph.internal.ExecutableGraph", "ai.human.graph"),
            Map.entry("ai.human.internal.body.BodyPipeline", "ai.human"),
            Map.entry("ai.human.internal.body.MoveNetBodyDetector", "test: per-stage timing and replay (testing.full.FullStageBench, RecordedModelOutputsReplayTest)"),
            Map.entry("ai.human.internal.face.FacePipeline", "ai.human"),
            Map.entry("ai.human.internal.gesture.GestureRecognizer", "ai.human"),
            Map.entry("ai.human.internal.hand.FingerPoseEstimator", "ai.human.internal.gesture"),
            Map.entry("ai.human.internal.hand.HandPipeline", "ai.human"),
            Map.entry("ai.human.internal.hand.HandTrackPipeline", "test: per-stage timing and replay (testing.full.FullStageBench, RecordedModelOutputsReplayTest)"),
            Map.entry("ai.human.internal.object.CenterNetDetector", "test: per-stage timing and replay (testing.full.FullStageBench, RecordedModelOutputsReplayTest)"),
            Map.entry("ai.human.internal.object.ObjectPipeline", "ai.human"),
            Map.entry("ai.human.internal.pipeline.Clock", "ai.human.internal.body, ai.human.internal.face, ai.human.internal.hand, ai.human.internal.object, ai.human"),
            Map.entry("ai.human.internal.pipeline.FrameChangeDetector", "ai.human"),
            Map.entry("ai.human.internal.pipeline.FramePixels", "ai.human"),
            Map.entry("ai.human.internal.pipeline.InputImages", "ai.human"),
            Map.entry("ai.human.internal.pipeline.ModelRegistry", "ai.human.internal.body, ai.human.internal.face, ai.human.internal.hand, ai.human.internal.object, ai.human"),
            Map.entry("ai.human.internal.pipeline.ModelRequest", "ai.human.internal.body, ai.human.internal.face, ai.human.internal.hand, ai.human.internal.object"),
            Map.entry("ai.human.internal.pipeline.Performance", "ai.human.internal.body, ai.human.internal.face, ai.human.internal.hand, ai.human.internal.object, ai.human"),
            Map.entry("ai.human.internal.pipeline.SkipCache", "ai.human.internal.face")
    ));

    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar")
            && !location.contains("/test-classes/");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages("ai.human");

    // ---- 1. cycles -------------------------------------------------------------------------------------------------

    /** Each package under {@code ai.human} is one slice. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals("ai.human") || pkg.startsWith("ai.human.") ? SliceIdentifier.of(pkg)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of ai.human";
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices().assignedFrom(PACKAGES)
            .should().beFreeOfCycles()
            .because("arrows between packages point one way (issue 17): a cycle makes the packages one unit");

    // ---- 2. split packages -----------------------------------------------------------------------------------------

    static final ArchRule NO_SPLIT_PACKAGES = ArchRuleDefinition.classes().should(comeFromTheOneModuleOfTheirPackage())
            .because("a package belongs to one module, so that a jar can be reasoned about (and become a JPMS module)");

    private static ArchCondition<JavaClass> comeFromTheOneModuleOfTheirPackage() {
        return new ArchCondition<>("come from the one module that holds their package") {
            private final Map<String, Set<String>> modulesByPackage = new TreeMap<>();
            private final Map<String, List<JavaClass>> classesByPackage = new TreeMap<>();

            @Override
            public void init(java.util.Collection<JavaClass> all) {
                for (JavaClass javaClass : all) {
                    modulesByPackage.computeIfAbsent(javaClass.getPackageName(), p -> new TreeSet<>())
                            .add(moduleOf(javaClass));
                }
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<String> modules = modulesByPackage.get(javaClass.getPackageName());
                if (modules.size() > 1) {
                    events.add(SimpleConditionEvent.violated(javaClass, "package " + javaClass.getPackageName()
                            + " is split over " + modules + ": " + javaClass.getName() + " comes from "
                            + moduleOf(javaClass)));
                }
            }
        };
    }

    private static final Pattern MODULE_IN_PATH = Pattern.compile("/([a-z][a-z-]*?)(?:-\\d[^/]*\\.jar|/target/)");

    /** The module a class comes from: the jar's artifact id, or the module folder of {@code target/classes}. */
    static String moduleOf(JavaClass javaClass) {
        String uri = javaClass.getSource().map(s -> s.getUri().toString()).orElse("?");
        Matcher m = MODULE_IN_PATH.matcher(uri);
        String module = "?";
        while (m.find()) {
            module = m.group(1);
        }
        return module;
    }

    // ---- 3. public packages and internals --------------------------------------------------------------------------

    static final ArchRule PUBLIC_PACKAGES_USE_ONLY_THEIR_OWN_INTERNALS = ArchRuleDefinition.classes()
            .that().resideOutsideOfPackage("..internal..")
            .should(new ArchCondition<>("depend on no internal package but their own <package>.internal..") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = origin.getPackageName() + ".internal";
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        boolean internal = target.startsWith("ai.human.")
                                && (target.contains(".internal.") || target.endsWith(".internal"));
                        if (internal && !(target.equals(own) || target.startsWith(own + "."))) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("public and SPI packages use no internals; the composition root " + COMPOSITION_ROOT
                    + " builds the pipelines of ai.human.internal.., and a public package may use its own"
                    + " <package>.internal.. (its implementation)");

    // ---- 4. public internal types ----------------------------------------------------------------------------------

    static ArchRule publicInternalTypesAreAllowlisted(Map<String, String> allowlist) {
        return ArchRuleDefinition.classes()
                .that().resideInAPackage("..internal..").and().areTopLevelClasses()
                .and().haveModifier(JavaModifier.PUBLIC)
                .should(new ArchCondition<>("be on the allowlist of public internal types") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        if (!allowlist.containsKey(javaClass.getName())) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " ("
                                    + moduleOf(javaClass) + ") is public in an internal package but on no allowlist:"
                                    + " make it package-private, or list it with the module that needs it"));
                        }
                    }
                });
    }

    // ---- the rules on every module -----------------------------------------------------------------------------------

    @Test
    void theImportHoldsTheProductionClassesOfEveryModule() {
        for (Class<?> known : List.of(HumanException.class, HumanConfig.class, Human.class, GraphExecutor.class,
                ReferenceBackend.class, TfBackend.class, DjlBackend.class, BackendCompatibilityKit.class,
                HumanCli.class, FolderToJsonLines.class, SelectionProbe.class)) {
            assertThat(PRODUCTION.contain(known)).as(known.getName() + " was imported").isTrue();
        }
        assertThat(PRODUCTION.contain(SplitPackageFixture.class)).as("test classes are not imported").isFalse();
        assertThat(PRODUCTION.contain("ai.human.reliability.FuzzContract")).as("test jars are not imported").isFalse();
        assertThat(moduleOf(PRODUCTION.get(GraphExecutor.class))).isEqualTo("human-graph");
        assertThat(moduleOf(PRODUCTION.get(HumanException.class))).isEqualTo("human-config");
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(PRODUCTION);
    }

    @Test
    void noSplitPackages() {
        NO_SPLIT_PACKAGES.check(PRODUCTION);
    }

    @Test
    void publicPackagesUseOnlyTheirOwnInternals() {
        PUBLIC_PACKAGES_USE_ONLY_THEIR_OWN_INTERNALS.check(PRODUCTION);
    }

    @Test
    void publicInternalTypesAreAllowlisted() {
        publicInternalTypesAreAllowlisted(PUBLIC_INTERNAL_TYPES).check(PRODUCTION);
    }

    @Test
    void everyAllowlistedTypeIsPublicAndUsedOutsideItsPackage() {
        for (String name : PUBLIC_INTERNAL_TYPES.keySet()) {
            if (PUBLIC_INTERNAL_TYPES.get(name).startsWith("test:")) {
                continue;
            }
            assertThat(PRODUCTION.contain(name)).as(name + " exists").isTrue();
            JavaClass type = PRODUCTION.get(name);
            assertThat(type.getModifiers()).as(name + " is public").contains(JavaModifier.PUBLIC);
            Set<String> users = type.getDirectDependenciesToSelf().stream()
                    .map(d -> d.getOriginClass().getPackageName())
                    .filter(p -> !p.equals(type.getPackageName()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(users).as(name + " is used outside its package (else make it package-private)").isNotEmpty();
        }
    }

    // ---- each rule fails on a fixture --------------------------------------------------------------------------------

    @Test
    void theCycleRuleReportsACycle() {
        EvaluationResult result = NO_PACKAGE_CYCLES.evaluate(new ClassFileImporter().importClasses(CycleA.class,
                CycleB.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("ai.human.it.fixture.arch.cycle.a", "ai.human.it.fixture.arch.cycle.b");
    }

    @Test
    void theSplitPackageRuleReportsAPackageFromTwoModules() {
        EvaluationResult result = NO_SPLIT_PACKAGES.evaluate(new ClassFileImporter().importClasses(HumanConfig.class,
                SplitPackageFixture.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("package ai.human.config is split over").contains("human-config")
                .contains("human-it");
    }

    @Test
    void theInternalsRuleReportsAPublicPackageThatUsesAnotherPackagesInternals() {
        EvaluationResult result = PUBLIC_PACKAGES_USE_ONLY_THEIR_OWN_INTERNALS.evaluate(
                new ClassFileImporter().importClasses(PublicImportsInternal.class, Human.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains(PublicImportsInternal.class.getName())
                .contains("ai.human.internal.pipeline.Clock")
                .doesNotContain("Class <" + Human.class.getName() + ">");
    }

    @Test
    void theAllowlistRuleReportsAPublicInternalTypeNotOnTheList() {
        EvaluationResult result = publicInternalTypesAreAllowlisted(PUBLIC_INTERNAL_TYPES)
                .evaluate(new ClassFileImporter().importClasses(PublicInternalType.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains(PublicInternalType.class.getName() + " (human-it) is public in an internal"
                + " package but on no allowlist");
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
