package ai.human.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the backends through Human's own API only: like every module but the two backends, they
 * depend on no TensorFlow, JavaCPP or DJL class. (The same rule as human-it's
 * {@code NoTensorFlowOrDjlOutsideTheBackendsTest}, which cannot see this module: human-bench is never installed.)
 */
class BenchUsesNoTensorFlowOrDjlTest {

    private static final ArchRule NO_TENSORFLOW_OR_DJL_OUTSIDE_THE_BACKENDS = noClasses()
            .that().resideOutsideOfPackages("ai.human.backend.tf..", "ai.human.backend.djl..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "org.bytedeco..", "ai.djl..")
            .because("only human-backend-tf and human-backend-djl may use TensorFlow or DJL");

    @Test
    void theBenchmarksDependOnNoTensorFlowOrDjlClass() throws URISyntaxException {
        Path productionClasses = Path.of(LoadBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses bench = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(productionClasses);
        assertThat(bench.contain(LoadBench.class)).as("the benchmarks' own classes were imported").isTrue();
        assertThat(bench.contain(DetectBench.class)).as("the benchmarks were imported").isTrue();
        assertThat(bench.contain(ai.human.Human.class)).as("only this module's classes were imported").isFalse();

        NO_TENSORFLOW_OR_DJL_OUTSIDE_THE_BACKENDS.check(bench);
    }
}
