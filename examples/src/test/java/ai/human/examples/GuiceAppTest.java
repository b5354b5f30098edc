package ai.human.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.backend.BackendSelector;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiceAppTest {

    private static String run(Injector injector, List<Path> images) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        GuiceApp.run(injector, images, new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static void assertClosed(Human human) {
        assertThat(human.memory().tensors()).isZero();
        assertThatThrownBy(() -> human.detect(Path.of("any.jpg"))).isInstanceOf(HumanException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theConfigFileAndTheBackendModuleReachTheInjectedService(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("human.json");
        Files.writeString(config, "{\"face\": {\"detector\": {\"maxDetected\": 10}}}");
        Path photo = dir.resolve("group.jpg");
        Files.write(photo, SamplePhotos.read("sample1.jpg"));
        Injector injector = Guice.createInjector(GuiceApp.modules(config, "djl"));

        String out = run(injector, List.of(photo));

        assertThat(out).matches("group\\.jpg: \\d+ faces \\(djl\\)\\R");
        int faces = Integer.parseInt(out.replaceAll("\\D*(\\d+) faces.*\\R", "$1"));
        assertThat(faces).as("more than the default maxDetected of 1: the file's config was used").isGreaterThan(1);
        assertClosed(injector.getInstance(Human.class));
    }

    @Test
    void withoutABackendModuleTheBackendIsChosenAsUsualAndTheDefaultsApply(@TempDir Path dir) throws IOException {
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, SamplePhotos.read("sample2.jpg"));
        String usual = BackendSelector.fromEnvironment().select("").provider().name();
        Injector injector = Guice.createInjector(GuiceApp.modules(null, null));

        String out = run(injector, List.of(photo, photo));

        assertThat(out.lines().toList()).containsExactly("photo.jpg: 1 face (" + usual + ")",
                "photo.jpg: 1 face (" + usual + ")");
        assertClosed(injector.getInstance(Human.class));
    }

    @Test
    void anUnknownBackendNameIsRefused() {
        assertThatThrownBy(() -> GuiceApp.modules(null, "gpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--backend gpu is not a backend with a Guice module; use tensorflow or djl");
    }
}
