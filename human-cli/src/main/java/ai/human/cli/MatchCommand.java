package ai.human.cli;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.match.FaceMatch;
import ai.human.match.Match;
import ai.human.result.Box;
import ai.human.result.FaceResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code human match}: the best match of each face of one image among the faces in a folder. */
@Command(name = "match", sortOptions = false,
        header = "Find each face of an image among the faces in a folder.",
        description = {"For each face in QUERY, find the most similar face among the images in FOLDER, comparing face"
                + " embeddings (the description model) as Human's match.find does; print the file, the face's index in"
                + " it, the similarity (0..1; above about 0.5 is likely the same person) and the distance.",
                "",
                "Only the face models run (body, hand, object, gesture, emotion, anti-spoofing and liveness are switched"
                        + " off unless --config or --set switch them on). Human finds one face per image by default: use"
                        + " --set face.detector.maxDetected=10 for group photos. QUERY itself is skipped if it is in"
                        + " FOLDER."},
        footer = {"", "Examples:", "  human match me.jpg friends/",
                "  human samples --extract photos/",
                "  human match --set face.detector.maxDetected=10 photos/sample1.jpg photos/"})
final class MatchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(MatchCommand.class);

    @Parameters(index = "0", paramLabel = "QUERY", description = "The image with the faces to look for.")
    Path query;

    @Parameters(index = "1", paramLabel = "FOLDER", description = "The folder of images to search (jpg, jpeg, png).")
    Path folder;

    @Mixin
    ConfigOptions config;

    @Mixin
    ThreadsOption threads;

    @Mixin
    CommonOptions common;

    /** Face models only: what matching needs. */
    static HumanConfig base() {
        return DetectCommand.base().withOverrides(List.of("body.enabled=false", "hand.enabled=false",
                "object.enabled=false", "gesture.enabled=false", "face.emotion.enabled=false",
                "face.antispoof.enabled=false", "face.liveness.enabled=false"));
    }

    @Override
    public Integer call() {
        int threadCount = threads.threads();
        if (!Files.isRegularFile(query)) {
            throw CliException.usage(query + ": no such image file; check the path");
        }
        if (!Files.isDirectory(folder)) {
            throw CliException.usage(folder + ": no such folder; give a folder of images to search");
        }
        List<ImageSource> candidates = ImageInputs.folder(folder).stream().filter(file -> !sameFile(file, query))
                .map(ImageSource::ofFile).toList();
        if (candidates.isEmpty()) {
            throw CliException.usage(folder + ": no .jpg, .jpeg or .png files to search (besides QUERY)");
        }
        HumanConfig humanConfig = config.apply(base());
        if (!humanConfig.face().enabled() || !humanConfig.face().description().enabled()) {
            throw CliException.usage("matching needs face embeddings: keep face.enabled and face.description.enabled on");
        }
        try (Human human = Human.create(humanConfig)) {
            List<FaceResult> queryFaces = faces(human, ImageSource.ofFile(query));
            if (queryFaces.isEmpty()) {
                throw CliException.failed(query + ": no face found; try another image or lower"
                        + " face.detector.minConfidence");
            }
            List<Candidate> known = new ArrayList<>();
            new Batch<ImageSource, List<Candidate>>(threadCount, image -> candidates(human, image))
                    .run(candidates, known::addAll);
            common.err().println("human match: " + Summaries.count(queryFaces.size(), "face", "faces") + " in " + query
                    + ", compared with " + Summaries.count(known.size(), "face", "faces") + " in "
                    + Summaries.count(candidates.size(), "image", "images") + " of " + folder);
            print(common.out(), queryFaces, known);
        }
        return ExitCode.OK;
    }

    private static List<FaceResult> faces(Human human, ImageSource image) {
        Detection detection = Detection.run(human, image);
        try (var result = detection.result()) {
            return result.face().stream().filter(face -> face.embedding().length > 0).toList();
        }
    }

    private List<Candidate> candidates(Human human, ImageSource image) {
        try {
            List<Candidate> found = new ArrayList<>();
            for (FaceResult face : faces(human, image)) {
                found.add(new Candidate(image.name(), face.id(), face.embedding()));
            }
            return found;
        } catch (RuntimeException e) {
            LOG.debug("{} failed", image.origin(), e);
            common.err().println("human match: " + image.name() + ": skipped: " + Errors.oneLine(e));
            return List.of();
        }
    }

    private static void print(PrintStream out, List<FaceResult> queryFaces, List<Candidate> known) {
        List<float[]> embeddings = known.stream().map(Candidate::embedding).toList();
        int fileWidth = Math.max(9, known.stream().mapToInt(c -> c.file().length()).max().orElse(0));
        String format = "%-4s  %-20s  %-" + fileWidth + "s  %4s  %10s  %8s%n";
        out.printf(Locale.ROOT, format, "FACE", "BOX", "BEST FILE", "FACE", "SIMILARITY", "DISTANCE");
        for (FaceResult face : queryFaces) {
            Match match = FaceMatch.find(face.embedding(), embeddings);
            Box b = face.box();
            String box = String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", b.x(), b.y(), b.width(), b.height());
            if (match.found()) {
                Candidate best = known.get(match.index());
                out.printf(Locale.ROOT, format, face.id(), box, best.file(), best.face(),
                        String.format(Locale.ROOT, "%.2f", match.similarity()), String.format(Locale.ROOT, "%.2f", match.distance()));
            } else {
                out.printf(Locale.ROOT, format, face.id(), box, "(none)", "-", "-", "-");
            }
        }
        out.flush();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A face found in the folder. */
    private record Candidate(String file, int face, float[] embedding) {
    }
}
