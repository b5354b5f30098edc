package ai.human.guice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guice is an optional dependency of human-api: only {@code ai.human.guice} may touch it, so that a user without Guice
 * on the classpath never loads a class that needs it. (The child JVMs of human-it's {@code BackendByClasspathTest}
 * run Human without Guice.)
 */
class GuiceStaysOptionalTest {

    @Test
    void onlyTheGuicePackageDependsOnGuiceOrJakartaInject() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.human");
        assertThat(classes.contain(HumanModule.class)).as("the guice package was imported").isTrue();
        assertThat(classes.contain(ai.human.Human.class)).as("the rest of human-api was imported").isTrue();

        noClasses().that().resideOutsideOfPackage("ai.human.guice..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                .because("Guice is optional: users without it must be able to use everything else")
                .check(classes);
    }
}
