package ai.human.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Human 3.3.6's face results on the face-api samples, as the oracle wrote them ({@code golden/pipeline/<name>.json}:
 * {@code face-default} is the face preset with Human's {@code maxDetected} 1, {@code face-multi} with 20).
 *
 * <p>The {@code golden/} folder is found by walking up from the working directory until
 * {@code golden/pipeline/<name>.json} exists, or named by the system property {@value #DIR_PROPERTY}.
 *
 * <pre>{@code
 * FaceGoldens golden = FaceGoldens.load("face-multi");
 * List<FaceGoldens.Face> faces = golden.image("sample1.jpg").faces();
 * }</pre>
 */
public final class FaceGoldens {
    /** System property naming the repository's {@code golden/} folder. */
    public static final String DIR_PROPERTY = "human.golden.dir";

    /**
     * One face as Human reported it (only the fields the fidelity tests compare). A shrunk golden keeps some mesh
     * points and embedding values: {@code meshIndices} and {@code embeddingIndices} say which (null when all are kept),
     * {@code meshLength} and {@code embeddingLength} how many there were. {@code meshRaw} (same points as {@code mesh}),
     * {@code irisLeft} and {@code irisRight} ({@code iris.leftEyeIris}, {@code iris.rightEyeIris}) are null in a golden
     * that does not have them.
     */
    public record Face(double[] box, double[] boxRaw, double[][] mesh, double score, double boxScore, double faceScore,
                       OptionalDouble age, String gender, OptionalDouble genderScore, List<String> emotions,
                       List<Double> emotionScores, float[] embedding, OptionalDouble real, OptionalDouble live,
                       OptionalDouble distance, double roll, double yaw, double pitch, boolean hasRotation,
                       double[] rotationMatrix, double gazeBearing, double gazeStrength, int meshLength,
                       int[] meshIndices, int embeddingLength, int[] embeddingIndices, double[][] meshRaw,
                       double[][] irisLeft, double[][] irisRight) {

        /** The position in the full mesh of stored point {@code i}. */
        public int meshIndex(int i) {
            return meshIndices == null ? i : meshIndices[i];
        }

        /** The position in the full embedding of stored value {@code i}. */
        public int embeddingIndex(int i) {
            return embeddingIndices == null ? i : embeddingIndices[i];
        }
    }

    /** One image: its name, size, the SHA-256 of the exact RGB bytes the oracle used, and the faces. */
    public record Image(String name, int width, int height, String rgbSha256, List<Face> faces) {
    }

    private final String name;
    private final JsonNode config;
    private final List<Image> images;
    private final List<String> overrides;

    private FaceGoldens(String name, JsonNode config, List<Image> images, List<String> overrides) {
        this.name = name;
        this.config = config;
        this.images = List.copyOf(images);
        this.overrides = List.copyOf(overrides);
    }

    /** Reads {@code golden/pipeline/<name>.json}. */
    public static FaceGoldens load(String name) {
        Path file = root().resolve("pipeline").resolve(name + ".json");
        try {
            return parse(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads a golden in the same schema from the classpath (for example a shrunk one). */
    public static FaceGoldens fromResource(String resource) {
        try (java.io.InputStream in = FaceGoldens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return parse(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static FaceGoldens parse(String name, byte[] json) throws IOException {
        {
            JsonNode root = new ObjectMapper().readTree(json);
            List<Image> images = new ArrayList<>();
            for (JsonNode image : root.get("images")) {
                List<Face> faces = new ArrayList<>();
                for (JsonNode face : image.get("result").get("face")) {
                    faces.add(face(face));
                }
                images.add(new Image(image.get("image").asText(), image.get("width").asInt(), image.get("height").asInt(),
                        image.path("rgbSha256").asText(""), faces));
            }
            List<String> overrides = new ArrayList<>();
            root.path("overrides").forEach(o -> overrides.add(o.asText()));
            return new FaceGoldens(name, root.get("config"), images, overrides);
        }
    }

    /** Whether the golden file is there (the fidelity tests need the repository's {@code golden/} folder). */
    public static boolean available(String name) {
        try {
            return Files.isRegularFile(root().resolve("pipeline").resolve(name + ".json"));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** For a shrunk option golden: the dotted-path overrides (over the face preset) of its run; else empty. */
    public List<String> overrides() {
        return overrides;
    }

    /** Human's final merged configuration of the run. */
    public JsonNode config() {
        return config;
    }

    public List<Image> images() {
        return images;
    }

    public Image image(String imageName) {
        return images.stream().filter(i -> i.name().equals(imageName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no image " + imageName));
    }

    /** The {@code golden/} folder. */
    public static Path root() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("golden");
            if (Files.isDirectory(candidate.resolve("pipeline"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No golden/pipeline folder above " + System.getProperty("user.dir")
                + "; run inside the repository or set -D" + DIR_PROPERTY + "=/path/to/golden");
    }

    private static Face face(JsonNode f) {
        JsonNode rotation = f.path("rotation");
        JsonNode angle = rotation.path("angle");
        List<String> emotions = new ArrayList<>();
        List<Double> emotionScores = new ArrayList<>();
        for (JsonNode e : f.path("emotion")) {
            emotions.add(e.get("emotion").asText());
            emotionScores.add(e.get("score").asDouble());
        }
        JsonNode embedding = f.path("embedding");
        float[] values = new float[embedding.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) embedding.get(i).asDouble();
        }
        return new Face(doubles(f.get("box")), doubles(f.get("boxRaw")), points(f.get("mesh")), f.path("score").asDouble(),
                f.path("boxScore").asDouble(), f.path("faceScore").asDouble(), optional(f, "age"), f.path("gender").asText(null),
                optional(f, "genderScore"), emotions, emotionScores, values, optional(f, "real"), optional(f, "live"),
                optional(f, "distance"), angle.path("roll").asDouble(), angle.path("yaw").asDouble(),
                angle.path("pitch").asDouble(), !rotation.isMissingNode() && !rotation.isNull(),
                rotation.has("matrix") ? doubles(rotation.get("matrix")) : new double[0],
                rotation.path("gaze").path("bearing").asDouble(), rotation.path("gaze").path("strength").asDouble(),
                f.has("meshLength") ? f.get("meshLength").asInt() : f.get("mesh").size(), ints(f.get("meshIndices")),
                f.has("embeddingLength") ? f.get("embeddingLength").asInt() : embedding.size(), ints(f.get("embeddingIndices")),
                optionalPoints(f.get("meshRaw")), optionalPoints(f.path("iris").get("leftEyeIris")),
                optionalPoints(f.path("iris").get("rightEyeIris")));
    }

    private static double[][] optionalPoints(JsonNode array) {
        return array == null || !array.isArray() ? null : points(array);
    }

    private static int[] ints(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static OptionalDouble optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double[][] points(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }
}
