package ai.human.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jar the build makes names its Java module: {@code Automatic-Module-Name} in the manifest, {@code ai.human.}
 * plus the artifactId without {@code human-}, dots for dashes ({@code human-backend-tf}: {@code ai.human.backend.tf}),
 * one name per jar (classifier jars: their own, e.g. {@code ai.human.api.tests}), and a name the JDK accepts ({@link ModuleFinder} derives the module from the jar).
 *
 * <p>Runs after {@code package} (failsafe), when the modules this one depends on are on its classpath as jars (models
 * with its test images, config, api, tck, both backends, examples); it also reads this module's own jar and every jar
 * already built in the other modules' {@code target} folders (test jars, for example). human-bench, built after this
 * module, sets its name the same way; the enforcer rule of the parent refuses a jar module without one.
 */
class JarManifestsIT {

    private static final String VERSION = System.getProperty("human.it.version");

    /** The jars of classifier artifacts, by artifactId-classifier, and the module names they carry. */
    private static final Map<String, String> CLASSIFIED = Map.of(
            "human-models-test-images", "ai.human.models.testimages",
            "human-api-tests", "ai.human.api.tests");

    /** Jars that must be there: the published modules this module depends on, and this module's own jar. */
    private static final List<String> REQUIRED = List.of("human-models", "human-models-test-images", "human-config",
            "human-api", "human-tck", "human-backend-tf", "human-backend-djl", "examples", "human-it");

    /** Attached jars that are not modules: they carry no module name. */
    private static final Set<String> NOT_MODULES = Set.of("-sources", "-javadoc", "-test-sources");

    /** The naming rule: {@code ai.human.} + the artifactId without {@code human-}, dots for dashes. */
    static String moduleName(String artifactId) {
        return "ai.human." + artifactId.replaceFirst("^human-", "").replace('-', '.');
    }

    @Test
    void everyJarOfTheBuildCarriesItsModuleName() throws IOException {
        assertThat(VERSION).as("system property human.it.version").isNotBlank();
        Map<String, Path> jars = ourJars();
        assertThat(jars.keySet()).as("our jars on the classpath and this module's jar").containsAll(REQUIRED);

        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            String expected = CLASSIFIED.getOrDefault(jar.getKey(), moduleName(jar.getKey()));
            String actual;
            try (JarFile file = new JarFile(jar.getValue().toFile())) {
                Manifest manifest = file.getManifest();
                actual = manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
            }
            if (!expected.equals(actual)) {
                problems.add(jar.getValue().getFileName() + ": Automatic-Module-Name " + actual + ", expected " + expected);
                continue;
            }
            String other = seen.put(actual, jar.getKey());
            if (other != null) {
                problems.add(actual + " is the module name of both " + other + " and " + jar.getKey());
            }
            Set<ModuleReference> modules = ModuleFinder.of(jar.getValue()).findAll();
            ModuleDescriptor descriptor = modules.iterator().next().descriptor();
            if (!descriptor.isAutomatic() || !descriptor.name().equals(expected)) {
                problems.add(jar.getValue().getFileName() + ": the JDK sees module " + descriptor.name()
                        + (descriptor.isAutomatic() ? "" : " (not automatic)"));
            }
        }
        assertThat(problems).as("jar manifests").isEmpty();
    }

    /**
     * Our jars by artifactId (with "-classifier"): those on the classpath, this module's own, and those already built in
     * the target folder of every module of the repository (test jars, for example, are on no classpath here).
     */
    private static Map<String, Path> ourJars() throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            candidates.add(Path.of(entry));
        }
        Path ownJar = Path.of(System.getProperty("human.it.jar"));
        candidates.add(ownJar);
        try (Stream<Path> modules = Files.list(ownJar.getParent().getParent().getParent())) {
            for (Path target : modules.map(m -> m.resolve("target")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> built = Files.list(target)) {
                    built.sorted().forEach(candidates::add);
                }
            }
        }
        for (Path path : candidates) {
            String name = path.getFileName().toString();
            if (!Files.isRegularFile(path) || !name.endsWith(".jar")) {
                continue;
            }
            String suffix = "-" + VERSION;
            int at = name.indexOf(suffix);
            if (at < 0) {
                continue;
            }
            String artifact = name.substring(0, at);
            String classifier = name.substring(at + suffix.length(), name.length() - ".jar".length());
            if (!NOT_MODULES.contains(classifier) && isOurs(path, artifact)) {
                jars.put(artifact + classifier, path);
            }
        }
        return jars;
    }

    /** A jar of our groupId: its Maven descriptor is under {@code META-INF/maven/ai.human/ARTIFACT/}. */
    private static boolean isOurs(Path jar, String artifact) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("META-INF/maven/ai.human/" + artifact + "/pom.properties") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
