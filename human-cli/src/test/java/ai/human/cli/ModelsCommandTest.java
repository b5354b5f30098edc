package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    private static final List<String> MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof",
            "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");

    @Test
    void listsTheElevenDefaultModelsWithTheOptionThatUsesThem() {
        Cli.Run run = Cli.run("models");

        assertThat(run.code()).as(run.err()).isZero();
        List<String> rows = run.outLines().subList(1, 12);
        assertThat(rows).extracting(row -> row.split("\\s+")[0]).containsExactlyElementsOf(MODELS);
        assertThat(run.out()).containsPattern("(?m)^blazeface\\s+617,966\\s+\\d+\\s+\\d+\\s+538,928\\s+face\\.detector \\(on\\)$")
                .containsPattern("(?m)^centernet .*object \\(off\\)$")
                .containsPattern("(?m)^antispoof .*face\\.antispoof \\(off\\)$");
    }

    @Test
    void configChangesWhatIsOn() {
        Cli.Run run = Cli.run("models", "--set", "object.enabled=true", "--set", "face.enabled=false");

        assertThat(run.out()).containsPattern("(?m)^centernet .*object \\(on\\)$")
                .containsPattern("(?m)^blazeface .*face\\.detector \\(off\\)$");
    }

    @Test
    void listsTheSha256OfEveryModelFileAsShipped() {
        Cli.Run run = Cli.run("models");

        List<String> sums = run.outLines().subList(run.outLines().indexOf("SHA-256:") + 1, run.outLines().size());
        assertThat(sums).hasSize(22);
        List<ModelChecksums.Entry> shipped = ModelChecksums.onClasspath().load().stream()
                .filter(ModelChecksums.Entry::isModelFile).toList();
        assertThat(sums).containsExactlyElementsOf(shipped.stream().map(e -> e.sha256() + "  " + e.path()).toList());
    }

    @Test
    void verifyPassesOnTheShippedModelsAndSamples() {
        Cli.Run run = Cli.run("models", "verify");

        long shippedFiles = ModelChecksums.onClasspath().load().stream().filter(ModelChecksums.Entry::isResource).count();

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize((int) shippedFiles).allSatisfy(line -> assertThat(line).endsWith(": OK"));
        assertThat(run.out()).contains("ai/human/models/faceres.bin: OK", "ai/human/testimages/sample6.jpg: OK");
        assertThat(run.outLines().stream().filter(line -> line.startsWith("ai/human/models/"))).hasSize(22);
        assertThat(run.err()).contains(shippedFiles + " files match");
    }

    @Test
    void verifyReportsAChangedAndAMissingModelFile(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("ai/human/models"));
        Files.writeString(models.resolve("good.json"), "{}");
        Files.writeString(models.resolve("changed.bin"), "changed");
        Files.createDirectories(dir.resolve("META-INF/human-models"));
        Files.writeString(dir.resolve(ModelChecksums.RESOURCE), String.join("\n",
                "# comment",
                sha("{}") + "  some-package.tgz",
                sha("{}") + "  ai/human/models/good.json",
                sha("original") + "  ai/human/models/changed.bin",
                sha("x") + "  ai/human/models/gone.json",
                sha("y") + "  ai/human/testimages/absent.jpg", ""));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> ModelsCommand.Verify.verify(new ModelChecksums(loader), out))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
                    .hasMessageContaining("2 files failed")
                    .hasMessageContaining("ai/human/models/changed.bin differs")
                    .hasMessageContaining("ai/human/models/gone.json is missing");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "ai/human/models/good.json: OK",
                "ai/human/models/changed.bin: MISMATCH (expected " + sha("original") + ", found " + sha("changed") + ")",
                "ai/human/models/gone.json: MISSING");
    }

    @Test
    void missingChecksumsSayWhichJarIsNeeded(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new ModelChecksums(loader).load())
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining(ModelChecksums.RESOURCE);
        }
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
