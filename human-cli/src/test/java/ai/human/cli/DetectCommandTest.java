package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code human detect} with every model switched off (no model runs): inputs, outputs and errors. */
class DetectCommandTest {

    @Test
    void missingFileIsAUsageErrorNamingTheFile() {
        Cli.Run run = Cli.run("detect", "no/such/photo.jpg");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("no/such/photo.jpg", "no such file or folder", "--sample 1");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noImagesIsAUsageError() {
        Cli.Run run = Cli.run("detect");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no images given");
    }

    @Test
    void badSetListsEveryBadOverrideWithItsPath() {
        Cli.Run run = Cli.run("detect", "--sample", "1", "--set", "face.detector.maxDetectd=5", "--set",
                "face.iris.enabled=maybe");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("human detect: --set: face.detector.maxDetectd:")
                .contains("face.detector.maxDetected");
        assertThat(run.errLines().get(1)).startsWith("human detect: --set: face.iris.enabled:").contains("maybe");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void setWithoutAnEqualsSignSaysHowToWriteIt() {
        Cli.Run run = Cli.run("detect", "--sample", "1", "--set", "novalue");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("'novalue'", "key=value");
    }

    @Test
    void invalidConfigFileListsEveryErrorWithItsPath(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"face\": {\"detector\": {\"maxDetectd\": 5, \"minConfidence\": 3}}, \"bodyy\": {}}");

        Cli.Run run = Cli.run("detect", "--sample", "1", "--config", config.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("human detect: " + config));
        assertThat(run.err()).contains("face.detector.maxDetectd", "face.detector.minConfidence", "bodyy");
    }

    @Test
    void missingConfigFileIsAUsageError(@TempDir Path dir) {
        Cli.Run run = Cli.run("detect", "--sample", "1", "--config", dir.resolve("none.json").toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("none.json");
    }

    @Test
    void unknownBackendListsTheProvidersFound() {
        Cli.Run run = Cli.detectWithoutModels("--sample", "1", "--backend", "cuda");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("'cuda'", "tensorflow (priority 100", "djl (priority 50");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badSampleNumberSaysWhatIsAllowed() {
        Cli.Run run = Cli.run("detect", "--sample", "7");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--sample 7", "1 to 6");
    }

    @Test
    void folderWithoutImagesIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "no image here");

        Cli.Run run = Cli.run("detect", dir.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no .jpg, .jpeg or .png files");
    }

    @Test
    void threadsMustBePositive() {
        Cli.Run run = Cli.run("detect", "--sample", "1", "--threads", "0");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--threads must be 1 or more");
    }

    @Test
    void sampleGivesTheOracleLayoutOnThePixelsTheGoldensWereMadeFrom() {
        Cli.Run run = Cli.detectWithoutModels("--sample", "1");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode image = run.json().get("images").get(0);
        JsonNode golden = Cli.readJson(Cli.golden("pipeline/face-default.json")).get("images").get(0);
        assertThat(image.get("image").asText()).isEqualTo(golden.get("image").asText());
        assertThat(image.get("width").asInt()).isEqualTo(golden.get("width").asInt());
        assertThat(image.get("height").asInt()).isEqualTo(golden.get("height").asInt());
        assertThat(image.get("rgbSha256").asText()).isEqualTo(golden.get("rgbSha256").asText());
        assertThat(Keys.top(image.get("result"))).isEqualTo(Keys.top(golden.get("result")));
        assertThat(image.get("result").get("face")).isEmpty();
        assertThat(run.err()).contains("human detect: 1 image in");
    }

    @Test
    void quietLeavesStderrEmpty() {
        Cli.Run run = Cli.detectWithoutModels("--sample", "2", "--quiet", "--compact");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.json().get("images").get(0).get("image").asText()).isEqualTo("sample2.jpg");
    }

    @Test
    void foldersAreReadInNameOrderAndABrokenImageFailsAloneWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("b.jpg"), Samples.read(2));
        Files.write(photos.resolve("a.JPG"), Samples.read(1));
        Files.write(photos.resolve("c.png"), "not a png".getBytes(StandardCharsets.UTF_8));
        Files.writeString(photos.resolve("notes.txt"), "ignored");
        Path json = dir.resolve("out/results.json");
        Path drawn = dir.resolve("drawn");

        Cli.Run run = Cli.detectWithoutModels(photos.toString(), "--sample", "3", "--threads", "2",
                "--json", json.toString(), "--draw", drawn.toString());

        assertThat(run.code()).isEqualTo(ExitCode.FAILED);
        JsonNode images = Cli.readJson(json).get("images");
        List<String> names = new ArrayList<>();
        images.forEach(image -> names.add(image.get("image").asText()));
        assertThat(names).containsExactly("a.JPG", "b.jpg", "c.png", "sample3.jpg");
        assertThat(images.get(2).get("error").asText()).contains("c.png");
        assertThat(images.get(2).get("result").get("face")).isEmpty();
        assertThat(run.outLines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("0 faces"));
        assertThat(run.outLines().get(0)).startsWith("a.JPG 1920x1280:");
        assertThat(run.err()).contains("human detect: c.png:", "1 failed", "JSON in " + json);
        assertThat(Files.exists(drawn.resolve("c.png"))).isFalse();
        BufferedImage a = ImageIO.read(drawn.resolve("a.png").toFile());
        assertThat(a.getWidth()).isEqualTo(1920);
        assertThat(a.getHeight()).isEqualTo(1280);
        assertThat(Files.exists(drawn.resolve("b.png"))).isTrue();
        assertThat(Files.exists(drawn.resolve("sample3.png"))).isTrue();
    }

    @Test
    void drawTargetsGetSuffixesForRepeatedNames() {
        List<ImageSource> images = List.of(ImageSource.ofFile(Path.of("x/face.jpg")), ImageSource.ofFile(Path.of("y/face.png")),
                ImageSource.ofSample(1));

        var targets = DrawTargets.of(Path.of("out"), images);

        assertThat(targets.values()).containsExactly(Path.of("out/face.png"), Path.of("out/face-2.png"),
                Path.of("out/sample1.png"));
    }
}
