package ai.human.testing;

import ai.human.result.Box;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Human 3.3.6's returned face crops ({@code face.detector.return: true}) as {@code golden/pipeline/face-crops.json}
 * records them: per case (one image, one configuration) and face, Human's box and a summary of {@code face.tensor}.
 * The folder is found as {@link FaceGoldens#root()} finds it.
 *
 * <pre>{@code
 * for (FaceCropGoldens.Case c : FaceCropGoldens.load().cases()) {
 *     FaceCropGoldens.Crop first = c.faces().get(0).crop();
 * }
 * }</pre>
 */
public record FaceCropGoldens(int stride, List<Case> cases) {
    /** The golden's file name inside {@code golden/pipeline/}. */
    public static final String FILE = "face-crops.json";

    /**
     * One detect call: the image, the configuration Human ran with (the oracle's face preset plus these values) and
     * the faces in Human's order.
     */
    public record Case(String name, String image, String rgbSha256, double cacheSensitivity, int maxDetected,
                       boolean rotation, boolean mesh, List<Face> faces) {
    }

    /** One face: Human's box in pixels and its crop. */
    public record Face(Box box, Crop crop) {
    }

    /**
     * A crop summary: {@code subsample[k]} is value {@code k * stride} of the row-major flattened tensor, rounded to
     * 1e-5.
     */
    public record Crop(int[] shape, String dtype, double min, double max, double[] meanPerChannel, double[] subsample) {
    }

    /** Reads {@code golden/pipeline/face-crops.json}. */
    public static FaceCropGoldens load() {
        Path file = FaceGoldens.root().resolve("pipeline").resolve(FILE);
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                List<Face> faces = new ArrayList<>();
                for (JsonNode f : c.get("faces")) {
                    double[] box = doubles(f.get("box"));
                    JsonNode t = f.get("tensor");
                    int[] shape = new int[t.get("shape").size()];
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = t.get("shape").get(i).asInt();
                    }
                    faces.add(new Face(new Box(box[0], box[1], box[2], box[3]), new Crop(shape, t.get("dtype").asText(),
                            t.get("min").asDouble(), t.get("max").asDouble(), doubles(t.get("meanPerChannel")),
                            doubles(t.get("subsample")))));
                }
                JsonNode effective = c.get("effective");
                cases.add(new Case(c.get("name").asText(), c.get("image").asText(), c.get("rgbSha256").asText(),
                        effective.get("cacheSensitivity").asDouble(), effective.get("maxDetected").asInt(),
                        effective.get("rotation").asBoolean(), effective.get("mesh").asBoolean(), faces));
            }
            return new FaceCropGoldens(root.get("subsample").get("stride").asInt(), cases);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
