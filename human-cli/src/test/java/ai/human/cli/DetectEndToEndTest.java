package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.image.ImageDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code human detect} and {@code human match} with Human's models on both backends, checked against the reference
 * oracle's golden results of Human 3.3.6 ({@code golden/pipeline/face-default.json}).
 */
class DetectEndToEndTest {
    /** The oracle's "face" preset: the face models with anti-spoofing and liveness; body, hand, object, gesture off. */
    private static final List<String> ORACLE_FACE_PRESET = List.of("--set", "face.antispoof.enabled=true", "--set",
            "face.liveness.enabled=true", "--set", "body.enabled=false", "--set", "hand.enabled=false", "--set",
            "object.enabled=false", "--set", "gesture.enabled=false");

    private static Cli.Run detect(String backend, String... args) {
        List<String> all = new ArrayList<>(List.of("detect"));
        all.addAll(List.of(args));
        all.addAll(ORACLE_FACE_PRESET);
        if (!backend.isEmpty()) {
            all.addAll(List.of("--backend", backend));
        }
        return Cli.run(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "backend ''{0}''")
    @ValueSource(strings = {"", "djl"})
    void sampleOneHasTheGoldenSchemaAndTheGoldenFace(String backend) {
        Cli.Run run = detect(backend, "--sample", "1");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode ours = run.json().get("images").get(0);
        JsonNode golden = Cli.readJson(Cli.golden("pipeline/face-default.json")).get("images").get(0);
        assertThat(Keys.of(ours.get("result"), "performance")).isEqualTo(Keys.of(golden.get("result"), "performance"));
        assertThat(Keys.top(ours.get("result").get("face").get(0)))
                .isEqualTo(Keys.top(golden.get("result").get("face").get(0)));
        assertThat(ours.get("rgbSha256").asText()).isEqualTo(golden.get("rgbSha256").asText());

        JsonNode face = ours.get("result").get("face").get(0);
        JsonNode expected = golden.get("result").get("face").get(0);
        assertThat(ours.get("result").get("face")).hasSameSizeAs(golden.get("result").get("face"));
        for (int i = 0; i < 4; i++) {
            assertThat(face.get("boxRaw").get(i).asDouble()).isCloseTo(expected.get("boxRaw").get(i).asDouble(), within(0.005));
        }
        assertThat(face.get("mesh")).hasSameSizeAs(expected.get("mesh"));
        assertThat(face.get("embedding")).hasSameSizeAs(expected.get("embedding"));
        assertThat(face.get("gender").asText()).isEqualTo(expected.get("gender").asText());
        assertThat(face.get("age").asDouble()).isCloseTo(expected.get("age").asDouble(), within(1.0));
        assertThat(face.get("emotion").get(0).get("emotion").asText())
                .isEqualTo(expected.get("emotion").get(0).get("emotion").asText());
    }

    @Test
    void drawingMarksTheFaceAndKeepsTheImageSize(@TempDir Path dir) throws Exception {
        Cli.Run run = detect("", "--sample", "1", "--draw", dir.toString(), "--json", dir.resolve("out.json").toString());

        assertThat(run.code()).as(run.err()).isZero();
        BufferedImage drawn = ImageIO.read(dir.resolve("sample1.png").toFile());
        var original = ImageDecoder.decode(Samples.read(1), Long.MAX_VALUE);
        assertThat(drawn.getWidth()).isEqualTo(original.width());
        assertThat(drawn.getHeight()).isEqualTo(original.height());
        JsonNode box = Cli.readJson(dir.resolve("out.json")).get("images").get(0).get("result").get("face").get(0).get("box");
        int x = box.get(0).asInt();
        int y = box.get(1).asInt();
        int w = box.get(2).asInt();
        int h = box.get(3).asInt();
        int changedInside = 0;
        int changedFarAway = 0;
        byte[] rgb = original.pixels();
        for (int py = 0; py < original.height(); py += 2) {
            for (int px = 0; px < original.width(); px += 2) {
                int i = 3 * (py * original.width() + px);
                int source = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
                boolean changed = (drawn.getRGB(px, py) & 0xffffff) != source;
                boolean inside = px >= x && px < x + w && py >= y && py < y + h;
                boolean farAway = px > x + 2 * w || py > y + 2 * h;
                changedInside += inside && changed ? 1 : 0;
                changedFarAway += farAway && changed ? 1 : 0;
            }
        }
        assertThat(changedInside).as("mesh points and box inside the face").isGreaterThan(200);
        assertThat(changedFarAway).as("nothing drawn far from the only face").isZero();
    }

    @Test
    void matchFindsEachFaceInACopyOfTheQuery(@TempDir Path dir) throws Exception {
        Path query = dir.resolve("sample1.jpg");
        Files.write(query, Samples.read(1));
        Files.write(dir.resolve("copy.jpg"), Samples.read(1));
        Files.write(dir.resolve("other.jpg"), Samples.read(2));

        Cli.Run run = Cli.run("match", query.toString(), dir.toString(), "--set", "face.detector.maxDetected=10");

        assertThat(run.code()).as(run.err()).isZero();
        List<String> rows = run.outLines().subList(1, run.outLines().size());
        assertThat(rows).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).split("\\s+")).as(rows.get(i))
                    .containsSubsequence(String.valueOf(i), "copy.jpg", String.valueOf(i), "1.00", "0.00");
        }
        assertThat(run.err()).contains("3 faces in " + query, "compared with 6 faces in 2 images");
    }
}
