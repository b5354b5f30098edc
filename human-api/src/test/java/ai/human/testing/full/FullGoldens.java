package ai.human.testing.full;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.FingerPose;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human 3.3.6's body, hand, object and gesture results from {@code golden/pipeline/<name>.json}, read into this
 * library's result types. The {@code golden/} folder is found by walking up from the working directory until
 * {@code golden/pipeline/<name>.json} exists, or named by the system property {@value #DIR_PROPERTY}.
 *
 * <pre>{@code
 * FullGoldens golden = FullGoldens.load("full");
 * for (FullGoldens.Image image : golden.images()) { image.body(); image.hand(); image.gesture(); }
 * }</pre>
 *
 * @param name   the golden's name ({@code full}, {@code full-multi})
 * @param config Human's final merged configuration of the oracle run
 * @param images per image, in the order the oracle processed them
 */
public record FullGoldens(String name, JsonNode config, List<Image> images) {
    /** System property naming the repository's {@code golden/} folder. */
    public static final String DIR_PROPERTY = "human.golden.dir";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One image's expected results.
     *
     * @param name      file name ({@code sample1.jpg})
     * @param rgbSha256 SHA-256 of the RGB bytes the oracle was given (ImageIO's decode)
     * @param width     pixels
     * @param height    pixels
     * @param faces     faces Human found
     * @param body      bodies
     * @param hand      hands
     * @param object    objects
     * @param gesture   gestures
     */
    public record Image(String name, String rgbSha256, int width, int height, int faces, List<BodyResult> body,
                        List<HandResult> hand, List<ObjectResult> object, List<Gesture> gesture) {
    }

    /** Whether {@code golden/pipeline/<name>.json} can be found. */
    public static boolean available(String name) {
        return find(name) != null;
    }

    public static FullGoldens load(String name) {
        Path file = find(name);
        if (file == null) {
            throw new IllegalStateException("golden/pipeline/" + name + ".json not found above "
                    + Path.of("").toAbsolutePath() + "; set -D" + DIR_PROPERTY + "=<repository>/golden");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Image> images = new ArrayList<>();
            for (JsonNode image : root.get("images")) {
                JsonNode result = image.get("result");
                images.add(new Image(image.get("image").asText(), image.get("rgbSha256").asText(), image.get("width").asInt(),
                        image.get("height").asInt(), result.get("face").size(), bodies(result.get("body")),
                        hands(result.get("hand")), objects(result.get("object")), gestures(result.get("gesture"))));
            }
            return new FullGoldens(name, root.get("config"), List.copyOf(images));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path find(String name) {
        String relative = "pipeline/" + name + ".json";
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null) {
            Path file = Path.of(dir).resolve(relative);
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path file = p.resolve("golden").resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** A number Human wrote, where JSON {@code null} stands for a non-finite value. */
    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    static Box box(JsonNode array) {
        return new Box(number(array.get(0)), number(array.get(1)), number(array.get(2)), number(array.get(3)));
    }

    static Point point(JsonNode array) {
        return array.size() > 2 ? Point.of(number(array.get(0)), number(array.get(1)), number(array.get(2)))
                : Point.of(number(array.get(0)), number(array.get(1)));
    }

    private static List<BodyResult> bodies(JsonNode array) {
        List<BodyResult> out = new ArrayList<>();
        for (JsonNode b : array) {
            List<BodyKeypoint> keypoints = new ArrayList<>();
            for (JsonNode k : b.get("keypoints")) {
                keypoints.add(new BodyKeypoint(k.get("part").asText(), point(k.get("position")), point(k.get("positionRaw")),
                        k.get("score").asDouble()));
            }
            Map<String, List<List<Point>>> annotations = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : b.get("annotations").properties()) {
                List<List<Point>> lines = new ArrayList<>();
                for (JsonNode line : e.getValue()) {
                    List<Point> points = new ArrayList<>();
                    line.forEach(p -> points.add(point(p)));
                    lines.add(points);
                }
                annotations.put(e.getKey(), lines);
            }
            out.add(new BodyResult(b.get("id").asInt(), b.get("score").asDouble(), box(b.get("box")), box(b.get("boxRaw")),
                    keypoints, annotations));
        }
        return List.copyOf(out);
    }

    private static List<HandResult> hands(JsonNode array) {
        List<HandResult> out = new ArrayList<>();
        for (JsonNode h : array) {
            List<Point> keypoints = new ArrayList<>();
            h.get("keypoints").forEach(p -> keypoints.add(point(p)));
            Map<String, List<Point>> annotations = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : h.get("annotations").properties()) {
                List<Point> points = new ArrayList<>();
                e.getValue().forEach(p -> points.add(point(p)));
                annotations.put(e.getKey(), points);
            }
            Map<String, FingerPose> landmarks = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : h.get("landmarks").properties()) {
                landmarks.put(e.getKey(), new FingerPose(e.getValue().get("curl").asText(), e.getValue().get("direction").asText()));
            }
            out.add(new HandResult(h.get("id").asInt(), h.get("score").asDouble(), h.get("boxScore").asDouble(),
                    h.get("fingerScore").asDouble(), box(h.get("box")), box(h.get("boxRaw")), keypoints,
                    h.get("label").asText(), annotations, landmarks));
        }
        return List.copyOf(out);
    }

    private static List<ObjectResult> objects(JsonNode array) {
        List<ObjectResult> out = new ArrayList<>();
        for (JsonNode o : array) {
            out.add(new ObjectResult(o.get("id").asInt(), o.get("score").asDouble(), o.get("class").asInt(),
                    o.get("label").asText(), box(o.get("box")), box(o.get("boxRaw"))));
        }
        return List.copyOf(out);
    }

    private static List<Gesture> gestures(JsonNode array) {
        List<Gesture> out = new ArrayList<>();
        for (JsonNode g : array) {
            String source = g.has("face") ? "face" : g.has("iris") ? "iris" : g.has("body") ? "body" : "hand";
            out.add(new Gesture(source, g.get(source).asInt(), g.get("gesture").asText()));
        }
        return List.copyOf(out);
    }
}
