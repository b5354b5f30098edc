package ai.human.privacy;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.json.ResultJson;
import ai.human.result.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One face detection on the first sample photo, as a user's program would run it: {@code DetectOnceMain BACKEND
 * OUT.json} creates a {@link Human} on the named backend with the models from the classpath, detects in
 * {@code sample1.jpg} and writes the result as JSON to {@code OUT.json}.
 *
 * <p>It sets no privacy property itself, so whatever keeps it off the network is the library's doing. Run in a child
 * JVM by {@link DetectionStaysOfflineTest}; {@link #detect} is the same detection in the calling JVM.
 */
public final class DetectOnceMain {
    /** The face-api sample photo in the {@code test-images} jar of {@code human-models}. */
    static final String SAMPLE = "/ai/human/testimages/sample1.jpg";

    /** Human's defaults with the face pipeline only (body, hand, object and gesture off). */
    static final List<String> FACE_ONLY = List.of("body.enabled=false", "hand.enabled=false", "object.enabled=false",
            "gesture.enabled=false");

    private DetectOnceMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DetectOnceMain BACKEND OUT.json (BACKEND: tensorflow or djl)");
        }
        Files.writeString(Path.of(args[1]), detect(args[0]), StandardCharsets.UTF_8);
    }

    /** The JSON of Human's result for {@link #SAMPLE} on {@code backend}. */
    static String detect(String backend) {
        HumanConfig config = HumanConfig.defaults().withOverrides(FACE_ONLY).withBackend(backend);
        try (Human human = Human.create(config); Result result = human.detect(sample())) {
            return ResultJson.compact().toJson(result);
        }
    }

    private static byte[] sample() {
        try (InputStream in = DetectOnceMain.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath; the human-models test-images jar"
                        + " must be a dependency");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SAMPLE, e);
        }
    }
}
