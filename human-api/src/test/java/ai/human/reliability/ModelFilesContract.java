package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.model.ModelException;
import ai.human.result.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken models on one backend. A corrupt, truncated, missing or swapped model file in a {@code modelBasePath} folder
 * (a copy of the default models with one file spoiled) makes {@code Human.create} fail at once with a
 * {@link ModelException} naming the file, and leaves no tensor behind. A model that throws in the middle of a
 * {@code detect} (injected with {@link FaultyBackend}) makes that call fail with its exception, leaves nothing behind,
 * and the next call gives the same result as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelFilesContract {
    /** The models of the full preset, by file name without extension. */
    public static final List<String> MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof",
            "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");

    private Backend backend;
    private long empty;
    private Path pristine;
    private FaultyBackend faults;
    private Human faultyHuman;
    private byte[] faultImage;
    private String faultFreeResult;

    @TempDir
    Path dir;

    /** A new backend to test; the contract closes it. */
    protected abstract Backend createBackend();

    /** A way to spoil a copy of the models, and the text the error must contain. */
    public record Spoil(String name, Mutation mutation, List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Changes the model folder. */
    @FunctionalInterface
    public interface Mutation {
        void apply(Path models) throws IOException;
    }

    @BeforeAll
    void createBackendOnce() {
        backend = createBackend();
        empty = backend.memory().tensors();
    }

    @AfterAll
    void closeBackend() {
        try {
            if (faultyHuman != null) {
                faultyHuman.close();
                assertThat(backend.memory().tensors()).as("live tensors after closing the faulty Human").isEqualTo(empty);
            }
        } finally {
            backend.close();
            deleteQuietly(pristine);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder; the OS cleans it up
        }
    }

    static List<Spoil> spoiledModels() {
        List<Spoil> out = new ArrayList<>();
        out.add(new Spoil("blazeface.bin truncated to half", m -> truncate(m.resolve("blazeface.bin"), 0.5),
                List.of("face.detector", "blazeface.bin")));
        out.add(new Spoil("facemesh.json cut in the middle", m -> truncate(m.resolve("facemesh.json"), 0.5),
                List.of("face.mesh", "facemesh.json")));
        out.add(new Spoil("iris.json missing", m -> Files.delete(m.resolve("iris.json")), List.of("face.iris", "iris.json")));
        out.add(new Spoil("emotion.bin empty", m -> replace(m.resolve("emotion.bin"), new byte[0]),
                List.of("face.emotion", "emotion.bin")));
        out.add(new Spoil("faceres.bin 7 bytes too long", m -> append(m.resolve("faceres.bin"), 7), List.of("face.description", "faceres.bin")));
        out.add(new Spoil("antispoof.json is random bytes", m -> replace(m.resolve("antispoof.json"),
                ImageFixtures.randomBytes(5000, 3)), List.of("face.antispoof", "antispoof.json")));
        out.add(new Spoil("movenet-lightning.json is a JPEG", m -> replace(m.resolve("movenet-lightning.json"),
                ImageFixtures.encode(ImageFixtures.pattern(16, 16, 1), "jpeg")), List.of("body", "movenet-lightning.json")));
        out.add(new Spoil("handtrack.bin missing", m -> Files.delete(m.resolve("handtrack.bin")),
                List.of("hand.detector", "handtrack.bin")));
        out.add(new Spoil("centernet.bin truncated by one byte", m -> truncateBy(m.resolve("centernet.bin"), 1),
                List.of("object", "centernet.bin")));
        out.add(new Spoil("iris.json is emotion's model", m -> swap(m, "iris", "emotion"), List.of("face.iris", "iris.json")));
        out.add(new Spoil("liveness.json is antispoof's model", m -> swap(m, "liveness", "antispoof"),
                List.of("face.liveness", "liveness.json")));
        out.add(new Spoil("blazeface.json is facemesh's model", m -> swap(m, "blazeface", "facemesh"),
                List.of("face.detector", "blazeface.json")));
        out.add(new Spoil("handlandmark-lite.json is iris's model", m -> swap(m, "handlandmark-lite", "iris"),
                List.of("hand.skeleton", "handlandmark-lite.json")));
        out.add(new Spoil("centernet.json is movenet's model", m -> swap(m, "centernet", "movenet-lightning"),
                List.of("object", "centernet.json")));
        out.add(new Spoil("movenet-lightning.json is handtrack's model", m -> swap(m, "movenet-lightning", "handtrack"),
                List.of("body", "movenet-lightning.json")));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiledModels")
    void aBrokenModelFileFailsAtStartNamingTheFile(Spoil spoil) throws IOException {
        Path models = copyDefaultModels(Files.createTempDirectory(dir, "models"));
        spoil.mutation().apply(models);
        long before = backend.memory().tensors();
        Throwable thrown = catchThrowable(() -> Human.create(configFor(models), backend).close());
        assertThat(thrown).isInstanceOf(ModelException.class);
        for (String fragment : spoil.fragments()) {
            assertThat(thrown.getMessage()).as("message: %s", thrown.getMessage()).contains(fragment);
        }
        assertThat(backend.memory().tensors()).as("live tensors after the failed start").isEqualTo(before);
    }

    @Test
    void weightsRandomisedWithoutChangingTheirSizeFailAtStartOrGiveAResultAndLeakNothing() throws IOException {
        Path models = copyDefaultModels(Files.createTempDirectory(dir, "models"));
        List<String> spoiled = List.of("blazeface", "facemesh", "movenet-lightning", "handtrack");
        for (String model : spoiled) {
            Path bin = models.resolve(model + ".bin");
            byte[] bytes = Files.readAllBytes(bin);
            new Random(model.hashCode()).nextBytes(bytes);
            replace(bin, bytes);
        }
        long before = backend.memory().tensors();
        Human human;
        try {
            human = Human.create(configFor(models), backend);
        } catch (ModelException e) {
            // the size of each weight file is checked, not its content; a backend may still refuse the graph
            assertThat(spoiled).as("message: %s", e.getMessage()).anyMatch(model -> e.getMessage().contains(model + ".json"));
            assertThat(backend.memory().tensors()).isEqualTo(before);
            return;
        }
        try (human) {
            long baseline = backend.memory().tensors();
            Throwable thrown = catchThrowable(() -> human.detect(ImageFixtures.encode(ImageFixtures.photo(2, 480), "jpeg")).close());
            assertThat(thrown == null || thrown instanceof HumanException).as("outcome: %s", thrown).isTrue();
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
        }
        assertThat(backend.memory().tensors()).isEqualTo(before);
    }

    static List<String> models() {
        return MODELS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aModelThatThrowsMidPipelineLeavesNothingBehind(String model) {
        Human human = faultyHuman();
        long baseline = backend.memory().tensors();
        assertThat(faults.runs(model)).as("runs of %s on the image", model).isPositive();
        faults.failModel(model);
        try {
            Throwable thrown = catchThrowable(() -> human.detect(faultImage).close());
            assertThat(thrown).isInstanceOf(FaultyBackend.InjectedFault.class).hasMessageContaining(model);
            assertThat(backend.memory().tensors()).as("live tensors after the failure").isEqualTo(baseline);
        } finally {
            faults.failModel(null);
        }
        try (Result result = human.detect(faultImage)) {
            assertThat(Results.canonical(result)).as("result after the failure").isEqualTo(faultFreeResult);
        }
        assertThat(backend.memory().tensors()).isEqualTo(baseline);
    }

    /** One Human on a {@link FaultyBackend} for all fault cases, with the result of the image before any fault. */
    private Human faultyHuman() {
        if (faultyHuman == null) {
            faults = new FaultyBackend(backend);
            faultImage = ImageFixtures.encode(ImageFixtures.photo(2, 640), "png");
            faultyHuman = Human.create(OneHumanPerClass.fullConfig(), faults.backend());
            try (Result result = faultyHuman.detect(faultImage)) {
                faultFreeResult = Results.canonical(result);
            }
        }
        return faultyHuman;
    }

    private static HumanConfig configFor(Path models) {
        return OneHumanPerClass.fullConfig("modelBasePath=" + models.toUri());
    }

    /**
     * A folder of links to one copy of the default models (JSON and weights), made from the models jar on first use.
     * The mutations replace a file rather than write into it, so the shared copy stays intact.
     */
    private Path copyDefaultModels(Path target) {
        try {
            if (pristine == null) {
                pristine = Files.createTempDirectory("human-models-");
                for (String model : MODELS) {
                    for (String file : List.of(model + ".json", model + ".bin")) {
                        try (InputStream in = ModelFilesContract.class.getResourceAsStream("/ai/human/models/" + file)) {
                            if (in == null) {
                                throw new IllegalStateException(file + " is not on the test classpath (ai.human:human-models)");
                            }
                            Files.copy(in, pristine.resolve(file));
                        }
                    }
                }
            }
            Files.createDirectories(target);
            try (var files = Files.list(pristine)) {
                for (Path file : files.toList()) {
                    Files.createSymbolicLink(target.resolve(file.getFileName()), file);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code file} (a link to the shared copy) by a new file holding {@code bytes}. */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, bytes);
    }

    private static void truncate(Path file, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        replace(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    private static void truncateBy(Path file, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(file);
        replace(file, java.util.Arrays.copyOf(all, all.length - bytes));
    }

    private static void append(Path file, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(file);
        replace(file, java.util.Arrays.copyOf(all, all.length + bytes));
    }

    /** {@code name}.json becomes a copy of {@code other}.json (which loads {@code other}.bin). */
    private static void swap(Path models, String name, String other) throws IOException {
        replace(models.resolve(name + ".json"), Files.readAllBytes(models.resolve(other + ".json")));
    }
}
