package ai.human.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.backend.djl.DjlBackendModule;
import ai.human.backend.tf.TfBackendModule;
import ai.human.config.ConfigException;
import ai.human.config.HumanConfig;
import ai.human.guice.HumanModule;
import ai.human.result.Result;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injectors with {@link HumanModule} alone and with the backend modules, detecting on a sample photo. */
class GuiceInjectorTest {
    /** Face detection only (body, hand, object and gesture are not implemented yet and would only warn). */
    private static final List<String> FACES = List.of("body.enabled=false", "hand.enabled=false", "object.enabled=false",
            "gesture.enabled=false");
    /** No model at all, for tests about wiring only. */
    private static final HumanConfig NO_MODELS = HumanConfig.defaults().withOverrides(FACES).withOverride("face.enabled", "false");

    private static byte[] sample1() throws IOException {
        try (InputStream in = GuiceInjectorTest.class.getResourceAsStream("/ai/human/testimages/sample1.jpg")) {
            assertThat(in).as("sample1.jpg of ai.human:human-models:test-images").isNotNull();
            return in.readAllBytes();
        }
    }

    /** Detects on sample 1 with the injector's Human, closes it and checks that everything was released. */
    private static void detectsAndReleasesEverything(Injector injector, String expectedBackend) throws IOException {
        Human human = injector.getInstance(Human.class);
        Backend backend = injector.getInstance(Backend.class);
        assertThat(backend.name()).isEqualTo(expectedBackend);
        try (Result result = human.detect(sample1())) {
            assertThat(result.face()).isNotEmpty();
            assertThat(result.face().get(0).embedding()).hasSize(1024);
        }
        assertThat(human.memory().tensors()).as("only the models' tensors stay between detects")
                .isEqualTo(human.memory().of(Owner.MODEL).tensors()).isPositive();

        human.close();

        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.memory().bytes()).isZero();
        assertThatThrownBy(() -> backend.fromFloats(new float[] {1}, Shape.of(1)))
                .as("the backend is closed with the Human").isInstanceOf(RuntimeException.class);
    }

    private static Injector injector(HumanConfig config, Module... backendModules) {
        Module[] modules = new Module[backendModules.length + 1];
        modules[0] = new HumanModule(config);
        System.arraycopy(backendModules, 0, modules, 1, backendModules.length);
        return Guice.createInjector(modules);
    }

    @Test
    void humanModuleAloneChoosesTheBackendByTheUsualRules() throws IOException {
        String usual = BackendSelector.fromEnvironment().select("").provider().name();

        detectsAndReleasesEverything(injector(HumanConfig.defaults().withOverrides(FACES)), usual);
    }

    @Test
    void tfBackendModulePicksTensorflowOverTheSystemProperty() throws IOException {
        withSystemProperty(BackendSelector.PROPERTY, "djl", () ->
                detectsAndReleasesEverything(injector(HumanConfig.defaults().withOverrides(FACES), new TfBackendModule()),
                        "tensorflow"));
    }

    @Test
    void djlBackendModulePicksDjl() throws IOException {
        detectsAndReleasesEverything(injector(HumanConfig.defaults().withOverrides(FACES), new DjlBackendModule()), "djl");
    }

    @Test
    void bothBackendModulesAreAnErrorNamingBoth() {
        assertThatThrownBy(() -> injector(NO_MODELS, new TfBackendModule(), new DjlBackendModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("BackendChoice was bound multiple times")
                .hasMessageContaining("TfBackendModule")
                .hasMessageContaining("DjlBackendModule");
    }

    @Test
    void aBackendModuleInstalledTwiceIsHarmless() {
        Injector injector = injector(NO_MODELS, new DjlBackendModule(), new DjlBackendModule());
        try (Human human = injector.getInstance(Human.class)) {
            assertThat(human.backend().name()).isEqualTo("djl");
        }
    }

    @Test
    void theModuleSetsTheConfigsBackendAndAnAliasInTheConfigAgrees() {
        Injector injector = injector(NO_MODELS.withBackend("tf"), new TfBackendModule());
        try (Human human = injector.getInstance(Human.class)) {
            assertThat(human.backend().name()).isEqualTo("tensorflow");
            assertThat(injector.getInstance(HumanConfig.class).backend()).isEqualTo("tf");
        }
        Injector unnamed = injector(NO_MODELS, new TfBackendModule());
        assertThat(unnamed.getInstance(HumanConfig.class).backend()).isEqualTo("tensorflow");
    }

    @Test
    void aConfigNamingAnotherBackendThanTheModuleIsAnError() {
        Injector injector = injector(NO_MODELS.withBackend("djl"), new TfBackendModule());

        assertThatThrownBy(() -> injector.getInstance(Human.class))
                .isInstanceOf(ProvisionException.class)
                .cause().isInstanceOf(HumanException.class)
                .hasMessage("The config's backend is 'djl' but TfBackendModule picks 'tensorflow'; remove TfBackendModule"
                        + " from the injector or the backend from the config");
    }

    @Test
    void theHumanIsASingletonAndTheBoundBackendIsItsOwn() {
        Injector injector = injector(NO_MODELS);
        try (Human human = injector.getInstance(Human.class)) {
            assertThat(injector.getInstance(Human.class)).isSameAs(human);
            assertThat(injector.getInstance(Backend.class)).isSameAs(human.backend());
            assertThat(injector.getInstance(HumanConfig.class)).isSameAs(human.config());
        }
    }

    @Test
    void fromFileReadsTheConfigWhenItIsFirstNeeded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("human.json");
        Injector injector = Guice.createInjector(HumanModule.fromFile(file));
        Files.writeString(file, "{\"face\": {\"detector\": {\"maxDetected\": 10}}, \"body\": {\"enabled\": false},"
                + " \"hand\": {\"enabled\": false}, \"object\": {\"enabled\": false}, \"gesture\": {\"enabled\": false}}");

        try (Human human = injector.getInstance(Human.class); Result result = human.detect(sample1())) {
            assertThat(human.config().face().detector().maxDetected()).isEqualTo(10);
            assertThat(result.face()).as("sample 1 is a group photo; the default maxDetected would give 1").hasSizeGreaterThan(1);
        }
    }

    @Test
    void aMissingConfigFileFailsWhenTheConfigIsNeededNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        Injector injector = Guice.createInjector(HumanModule.fromFile(missing));

        assertThatThrownBy(() -> injector.getInstance(HumanConfig.class))
                .isInstanceOf(ProvisionException.class)
                .cause().isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void withSystemProperty(String key, String value, IoAction action) throws IOException {
        String previous = System.getProperty(key);
        System.setProperty(key, value);
        try {
            action.run();
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }
}
