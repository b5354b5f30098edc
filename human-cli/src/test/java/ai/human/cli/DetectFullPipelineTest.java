package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code human detect} with every default model plus the object detector (body, hand, object and gesture on) on
 * sample 2, which shows a body, a hand and objects, on both backends: the JSON is checked against the reference
 * oracle's golden result of Human 3.3.6 ({@code golden/pipeline/full.json}, same configuration) and {@code --draw}
 * must mark every body keypoint, hand and object box in the PNG it writes.
 */
class DetectFullPipelineTest {
    private static final int SAMPLE = 2;
    private static final List<String> FULL = List.of("--set", "body.enabled=true", "--set", "hand.enabled=true",
            "--set", "object.enabled=true", "--set", "gesture.enabled=true");
    /** MoveNet's 17 keypoints (a body lists those above body.minConfidence). */
    private static final Set<String> BODY_PARTS = Set.of("nose", "leftEye", "rightEye", "leftEar", "rightEar",
            "leftShoulder", "rightShoulder", "leftElbow", "rightElbow", "leftWrist", "rightWrist", "leftHip",
            "rightHip", "leftKnee", "rightKnee", "leftAnkle", "rightAnkle");

    @ParameterizedTest(name = "backend {0}")
    @ValueSource(strings = {"tensorflow", "djl"})
    void bodyHandObjectsAndGesturesMatchTheGoldenAndAreDrawn(String backend, @TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("detect", "--sample", String.valueOf(SAMPLE), "--backend", backend,
                "--json", dir.resolve("out.json").toString(), "--draw", dir.toString()));
        args.addAll(FULL);

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode ours = Cli.readJson(dir.resolve("out.json")).get("images").get(0).get("result");
        JsonNode golden = goldenResult();
        checkBody(ours.get("body"), golden.get("body"));
        checkHand(ours.get("hand"), golden.get("hand"));
        checkObjects(ours.get("object"), golden.get("object"));
        checkGestures(ours.get("gesture"), golden.get("gesture"));
        checkDrawing(dir.resolve("sample" + SAMPLE + ".png"), ours);
    }

    private static void checkBody(JsonNode bodies, JsonNode golden) {
        assertThat(bodies).as("bodies").hasSameSizeAs(golden).isNotEmpty();
        JsonNode keypoints = bodies.get(0).get("keypoints");
        assertThat(keypoints).as("body keypoints").hasSameSizeAs(golden.get(0).get("keypoints"));
        Set<String> parts = new HashSet<>();
        for (JsonNode keypoint : keypoints) {
            parts.add(keypoint.get("part").asText());
            assertThat(keypoint.get("position")).as("position of " + keypoint.get("part")).hasSize(2);
        }
        assertThat(parts).as("distinct MoveNet parts").hasSize(keypoints.size()).isSubsetOf(BODY_PARTS);
        assertClose(bodies.get(0).get("box"), golden.get(0).get("box"), 3, "body box");
    }

    private static void checkHand(JsonNode hands, JsonNode golden) {
        assertThat(hands).as("hands").hasSameSizeAs(golden).isNotEmpty();
        JsonNode hand = hands.get(0);
        assertThat(hand.get("keypoints")).as("hand keypoints").hasSize(21);
        assertThat(hand.get("label").asText()).as("hand label").isEqualTo(golden.get(0).get("label").asText());
        assertThat(hand.get("annotations").size()).as("fingers").isPositive();
        assertClose(hand.get("box"), golden.get(0).get("box"), 3, "hand box");
    }

    private static void checkObjects(JsonNode objects, JsonNode golden) {
        assertThat(labels(objects)).as("object labels (COCO classes), by score").isEqualTo(labels(golden));
        for (int i = 0; i < objects.size(); i++) {
            assertClose(objects.get(i).get("box"), golden.get(i).get("box"), 3, "object box " + i);
        }
    }

    private static void checkGestures(JsonNode gestures, JsonNode golden) {
        List<String> ours = new ArrayList<>();
        gestures.forEach(gesture -> ours.add(gesture.toString()));
        List<String> handGestures = new ArrayList<>();
        golden.forEach(gesture -> {
            if (gesture.has("hand")) {
                handGestures.add(gesture.toString());
            }
        });
        assertThat(handGestures).as("the golden has hand gestures").isNotEmpty();
        assertThat(ours).as("gestures").containsAll(handGestures)
                .anyMatch(gesture -> gesture.contains("\"face\""))
                .anyMatch(gesture -> gesture.contains("\"iris\""));
    }

    /**
     * The PNG keeps the image's size and only marks it: the middle half of each hand and object box's left and right
     * edges and the pixel under each body and hand keypoint differ from the photo, most of the photo does not.
     */
    private static void checkDrawing(Path png, JsonNode result) throws Exception {
        BufferedImage drawn = ImageIO.read(png.toFile());
        RgbImage photo = ImageDecoder.decode(Samples.read(SAMPLE), Long.MAX_VALUE);
        assertThat(drawn.getWidth()).isEqualTo(photo.width());
        assertThat(drawn.getHeight()).isEqualTo(photo.height());
        Changes changes = new Changes(photo, drawn);

        for (String kind : List.of("hand", "object")) {
            for (JsonNode item : result.get(kind)) {
                JsonNode box = item.get("box");
                double x = box.get(0).asDouble();
                double y = box.get(1).asDouble();
                double w = box.get(2).asDouble();
                double h = box.get(3).asDouble();
                for (double edge : new double[] {x, x + w}) {
                    assertThat(changes.alongColumn((int) Math.round(edge), y + h / 4, y + 3 * h / 4))
                            .as(kind + " box " + box + " edge at x=" + edge + " drawn").isGreaterThan(0.95);
                }
            }
        }
        for (String kind : List.of("body", "hand")) {
            for (JsonNode keypoint : result.get(kind).get(0).get("keypoints")) {
                JsonNode position = keypoint.has("position") ? keypoint.get("position") : keypoint;
                int px = (int) Math.round(position.get(0).asDouble());
                int py = (int) Math.round(position.get(1).asDouble());
                assertThat(changes.at(px, py)).as(kind + " keypoint " + keypoint + " drawn").isTrue();
            }
        }
        assertThat(changes.overall()).as("share of the photo changed by drawing").isLessThan(0.25);
    }

    /** Which pixels of the drawn image differ from the photo. */
    private record Changes(RgbImage photo, BufferedImage drawn) {
        boolean at(int x, int y) {
            int i = 3 * (y * photo.width() + x);
            byte[] rgb = photo.pixels();
            int source = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
            return (drawn.getRGB(x, y) & 0xffffff) != source;
        }

        double alongColumn(int x, double fromY, double toY) {
            int column = Math.max(0, Math.min(photo.width() - 1, x));
            int changed = 0;
            int all = 0;
            for (int y = (int) Math.ceil(fromY); y <= (int) Math.floor(toY); y++) {
                changed += at(column, y) ? 1 : 0;
                all++;
            }
            assertThat(all).as("pixels along the edge").isPositive();
            return (double) changed / all;
        }

        double overall() {
            long changed = 0;
            for (int y = 0; y < photo.height(); y++) {
                for (int x = 0; x < photo.width(); x++) {
                    changed += at(x, y) ? 1 : 0;
                }
            }
            return (double) changed / ((long) photo.width() * photo.height());
        }
    }

    private static JsonNode goldenResult() {
        for (JsonNode image : Cli.readJson(Cli.golden("pipeline/full.json")).get("images")) {
            if (image.get("image").asText().equals("sample" + SAMPLE + ".jpg")) {
                return image.get("result");
            }
        }
        throw new IllegalStateException("sample" + SAMPLE + ".jpg is not in golden/pipeline/full.json");
    }

    private static List<String> labels(JsonNode items) {
        List<String> labels = new ArrayList<>();
        items.forEach(item -> labels.add(item.get("label").asText()));
        return labels;
    }

    private static void assertClose(JsonNode actual, JsonNode expected, double pixels, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).asDouble()).as(what + "[" + i + "]").isCloseTo(expected.get(i).asDouble(),
                    within(pixels));
        }
    }
}
