package ai.human.examples;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.config.HumanConfig;
import ai.human.match.FaceMatch;
import ai.human.match.Match;
import ai.human.result.Box;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is who: every face of one photo (the probe) is compared with every face found in a folder of photos, by their
 * 1024-value embeddings ({@link FaceMatch}); the closest one is printed with its similarity (0..1, where 1 is the
 * same embedding; Human's rule of thumb takes about 0.5 and more as a likely match: check that on your own photos).
 *
 * <pre>
 * java -cp examples/target/human.jar ai.human.examples.MatchFaces group.jpg people/
 * </pre>
 * Faces are detected with {@code face.detector.maxDetected: 20}, since group photos have more than Human's default
 * one face. Images that cannot be read are reported and skipped.
 */
public final class MatchFaces {
    /**
     * One face of one image.
     *
     * @param image     file name
     * @param face      index of the face in the image's result
     * @param box       the face's box, in pixels
     * @param embedding the face's embedding
     */
    public record Face(String image, int face, Box box, float[] embedding) {
    }

    /**
     * The closest face found for a probe face.
     *
     * @param probe      the face of the probe photo
     * @param match      the closest face of the folder, empty when the folder has none
     * @param similarity 0..1
     */
    public record Found(Face probe, Optional<Face> match, double similarity) {
    }

    private MatchFaces() {
    }

    /**
     * Runs the example: {@code PROBE_IMAGE FOLDER}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: MatchFaces PROBE_IMAGE FOLDER");
            System.exit(2);
        }
        run(HumanConfig.defaults(), Path.of(args[0]), Path.of(args[1]), System.out);
    }

    /**
     * Finds the closest folder face for each face of {@code probe} and prints one line per probe face.
     *
     * @param config the configuration
     * @param probe the image whose faces are looked for
     * @param folder the folder of images searched
     * @param out where to print
     * @return the best match of each probe face
     */
    public static List<Found> run(HumanConfig config, Path probe, Path folder, PrintStream out) {
        List<Found> found = new ArrayList<>();
        try (Human human = Human.create(config.withOverride("face.detector.maxDetected", "20"))) {
            List<Face> probeFaces = faces(human, probe);
            List<Face> known = new ArrayList<>();
            for (Path image : FolderToJsonLines.images(folder)) {
                try {
                    known.addAll(faces(human, image));
                } catch (HumanException e) {
                    out.println("skipped " + image.getFileName() + ": " + e.getMessage());
                }
            }
            List<float[]> embeddings = known.stream().map(Face::embedding).toList();
            for (Face face : probeFaces) {
                Match match = FaceMatch.find(face.embedding(), embeddings);
                Found result = new Found(face, match.found() ? Optional.of(known.get(match.index())) : Optional.empty(),
                        match.similarity());
                found.add(result);
                out.println(describe(result));
            }
        }
        return found;
    }

    /** The faces of {@code image} that have an embedding; the result (and any tensor in it) is released at once. */
    private static List<Face> faces(Human human, Path image) {
        List<Face> faces = new ArrayList<>();
        try (Result result = human.detect(image)) {
            for (FaceResult face : result.face()) {
                if (face.embedding().length > 0) {
                    faces.add(new Face(image.getFileName().toString(), face.id(), face.box(), face.embedding()));
                }
            }
        }
        return faces;
    }

    private static String describe(Found found) {
        Face probe = found.probe();
        String from = String.format(Locale.ROOT, "%s face %d at %s", probe.image(), probe.face(), box(probe.box()));
        return found.match().map(match -> String.format(Locale.ROOT, "%s -> %s face %d at %s, similarity %.2f", from,
                        match.image(), match.face(), box(match.box()), found.similarity()))
                .orElse(from + " -> no face in the folder");
    }

    private static String box(Box box) {
        return String.format(Locale.ROOT, "[%.0f, %.0f, %.0f, %.0f]", box.x(), box.y(), box.width(), box.height());
    }
}
