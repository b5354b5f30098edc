package ai.human.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.tf.TfBackend;
import ai.human.cli.HumanCli;
import ai.human.config.HumanConfig;
import ai.human.examples.FolderToJsonLines;
import ai.human.it.fixture.TensorFlowAndDjlUsers;
import ai.human.tck.BackendCompatibilityKit;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build rule of the foundation: no module but the two backends depends on TensorFlow (with JavaCPP, its native
 * layer) or DJL classes, so that a user picks a backend by classpath and the rest of Human never loads either.
 *
 * <p>human-it has the production classes of every published module on its test classpath (human-tck, human-cli and
 * examples as test dependencies), so one import sees them all. human-bench, which is never installed, checks itself
 * with the same rule ({@code BenchUsesNoTensorFlowOrDjlTest}); human-models holds no classes.
 */
class NoTensorFlowOrDjlOutsideTheBackendsTest {

    static final ArchRule NO_TENSORFLOW_OR_DJL_OUTSIDE_THE_BACKENDS = noClasses()
            .that().resideOutsideOfPackages("ai.human.backend.tf..", "ai.human.backend.djl..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "org.bytedeco..", "ai.djl..")
            .because("only human-backend-tf and human-backend-djl may use TensorFlow or DJL: the rest of Human must "
                    + "run with either backend, or none, on the classpath");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.human");

    @Test
    void theImportHoldsTheProductionClassesOfEveryModule() {
        List<Class<?>> oneClassPerModule = List.of(HumanException.class, HumanConfig.class, Human.class,
                BackendCompatibilityKit.class, HumanCli.class, FolderToJsonLines.class, SelectionProbe.class,
                TfBackend.class, DjlBackend.class);
        for (Class<?> known : oneClassPerModule) {
            assertThat(PRODUCTION.contain(known)).as(known.getName() + " was imported").isTrue();
        }
        assertThat(PRODUCTION.contain(TensorFlowAndDjlUsers.UsesDjl.class)).as("test classes are not imported").isFalse();
    }

    @Test
    void theBackendsDependOnTensorFlowAndDjlAndMayDoSo() {
        assertThat(dependsOn("ai.human.backend.tf.", "org.tensorflow.")).as("human-backend-tf uses TensorFlow").isTrue();
        assertThat(dependsOn("ai.human.backend.djl.", "ai.djl.")).as("human-backend-djl uses DJL").isTrue();
    }

    @Test
    void noModuleButTheBackendsDependsOnTensorFlowOrDjl() {
        NO_TENSORFLOW_OR_DJL_OUTSIDE_THE_BACKENDS.check(PRODUCTION);
    }

    @Test
    void theRuleReportsAClassOutsideTheBackendsThatUsesTensorFlowJavaCppOrDjl() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(TensorFlowAndDjlUsers.UsesTensorFlow.class,
                TensorFlowAndDjlUsers.UsesJavaCpp.class, TensorFlowAndDjlUsers.UsesDjl.class);

        EvaluationResult result = NO_TENSORFLOW_OR_DJL_OUTSIDE_THE_BACKENDS.evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(TensorFlowAndDjlUsers.UsesTensorFlow.class.getName(), "org.tensorflow.Tensor")
                .contains(TensorFlowAndDjlUsers.UsesJavaCpp.class.getName(), "org.bytedeco.javacpp.Pointer")
                .contains(TensorFlowAndDjlUsers.UsesDjl.class.getName(), "ai.djl.ndarray.NDArray");
    }

    private static boolean dependsOn(String packagePrefix, String targetPrefix) {
        for (JavaClass javaClass : PRODUCTION) {
            if (javaClass.getName().startsWith(packagePrefix)) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    if (dependency.getTargetClass().getName().startsWith(targetPrefix)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
