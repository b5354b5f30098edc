package ai.human.cli;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.draw.Annotator;
import ai.human.json.ResultJson;
import ai.human.result.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code human detect}: results of images as JSON in Human's layout, optionally annotated images. */
@Command(name = "detect", sortOptions = false,
        header = "Detect faces in images; write Human's JSON and annotated PNGs.",
        description = {"Detect faces (and what else the configuration enables) in images; write the results as JSON in"
                + " Human 3.3.6's layout: {\"images\": [{\"image\", \"width\", \"height\", \"result\": {\"face\": [...],"
                + " \"body\", \"hand\", \"object\", \"gesture\", \"performance\"}}]}.",
                "",
                "Images are processed as independent photos: the configuration starts from Human's defaults with"
                        + " cacheSensitivity 0 (no reuse of the previous image's results), unless --config or --set says"
                        + " otherwise. Folders give their .jpg, .jpeg and .png files sorted by name; names in the output"
                        + " are file names. A progress bar (count, rate, ETA) is shown on stderr when there is more than"
                        + " one image and stderr is a terminal."},
        footer = {"", "Examples:",
                "  human detect --sample 1",
                "  human detect photos/ --json results.json --draw annotated/ --threads 2",
                "  human detect --sample all --backend djl --json out.json \\",
                "      --set face.detector.maxDetected=10"})
final class DetectCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DetectCommand.class);

    @Parameters(paramLabel = "IMAGE|FOLDER", arity = "0..*", description = "Image files (jpg, jpeg, png) or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", description = "One of the built-in face-api photos: 1 to 6, a list"
            + " (1,3), a range (1-3) or all (repeatable). See 'human samples'.")
    List<String> samples = new ArrayList<>();

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON to FILE instead of stdout; then stdout"
            + " gets one line per image.")
    Path json;

    @Option(names = "--compact", description = "Write the JSON on one line instead of indented.")
    boolean compact;

    @Option(names = "--draw", paramLabel = "DIR", description = "Write an annotated PNG per image into DIR"
            + " (DIR/<image name>.png).")
    Path draw;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--progress", negatable = true, description = "Show the progress bar even when stderr is not a"
            + " terminal (--no-progress: never).")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "No summary line on stderr.")
    boolean quiet;

    @Mixin
    CommonOptions common;

    /** The configuration detect starts from: Human's defaults for independent images (no frame cache). */
    static HumanConfig base() {
        return HumanConfig.defaults().withCacheSensitivity(0);
    }

    @Override
    public Integer call() {
        int threadCount = threads.threads();
        List<ImageSource> images = ImageInputs.resolve(paths, Samples.parse(samples));
        HumanConfig humanConfig = config.apply(base());
        Map<ImageSource, Path> targets = draw == null ? Map.of() : DrawTargets.of(draw, images);
        PrintStream out = common.out();
        PrintStream err = common.err();
        boolean toStdout = json == null || json.toString().equals("-");
        boolean showProgress = images.size() > 1 && (progress != null ? progress : common.tool().stderrTerminal());
        Totals totals = new Totals(System.nanoTime());
        try (Human human = Human.create(humanConfig);
             OutputStream jsonOut = toStdout ? new KeepOpen(out) : open(json);
             ResultJson.ImagesWriter writer = (compact ? ResultJson.compact() : ResultJson.pretty()).imagesWriter(jsonOut);
             ProgressBar bar = new ProgressBar(err, images.size(), showProgress, System::nanoTime)) {
            totals.ready = System.nanoTime();
            Batch<ImageSource, Outcome> batch = new Batch<>(threadCount, image -> process(human, image, targets.get(image)));
            batch.run(images, outcome -> {
                record(outcome, writer, totals);
                if (outcome.error() != null) {
                    bar.println(err, "human detect: " + outcome.image().name() + ": " + outcome.error());
                } else if (!toStdout) {
                    bar.println(out, Summaries.image(outcome.image().name(), outcome.detection().result()));
                }
                outcome.close();
                bar.step();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the JSON output " + (toStdout ? "on stdout" : json) + ": "
                    + e.getMessage(), e);
        }
        if (toStdout) {
            out.println();
        }
        out.flush();
        if (!quiet) {
            err.println(totals.line(images.size(), System.nanoTime(), toStdout ? null : json, draw));
        }
        return totals.failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private Outcome process(Human human, ImageSource image, Path target) {
        Detection detection = null;
        try {
            detection = Detection.run(human, image);
            if (target != null) {
                Annotator.writePng(Annotator.defaults().draw(Pixels.toBufferedImage(detection.image()), detection.result()),
                        target);
            }
            return new Outcome(image, detection, null);
        } catch (RuntimeException e) {
            LOG.debug("{} failed", image.origin(), e);
            if (detection != null) {
                detection.result().close();
            }
            return new Outcome(image, null, Errors.oneLine(e));
        }
    }

    private static void record(Outcome outcome, ResultJson.ImagesWriter writer, Totals totals) {
        if (outcome.error() != null) {
            writer.addError(outcome.image().name(), outcome.error());
            totals.failed++;
            return;
        }
        Result result = outcome.detection().result();
        writer.add(outcome.image().name(), result, outcome.detection().rgbSha256());
        totals.faces += result.face().size();
        totals.bodies += result.body().size();
        totals.hands += result.hand().size();
        totals.objects += result.object().size();
    }

    private static OutputStream open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw CliException.usage("--json " + file + ": cannot be written (" + e.getMessage() + "); check the folder"
                    + " and permissions");
        }
    }

    /** One image's detection, or the error that stopped it. */
    private record Outcome(ImageSource image, Detection detection, String error) {
        void close() {
            if (detection != null) {
                detection.result().close();
            }
        }
    }

    /** Counts for the summary line. */
    private static final class Totals {
        final long created;
        long ready;
        int failed;
        long faces;
        long bodies;
        long hands;
        long objects;

        Totals(long created) {
            this.created = created;
            this.ready = created;
        }

        String line(int images, long now, Path json, Path draw) {
            double startup = (ready - created) / 1e9;
            double seconds = (now - ready) / 1e9;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "human detect: %s in %.1f s (%.2f img/s; start-up %.1f s)", Summaries.count(images, "image", "images"),
                    seconds, images / Math.max(seconds, 1e-9), startup));
            if (failed > 0) {
                line.append(", ").append(failed).append(" failed");
            }
            line.append(": ").append(Summaries.count(faces, "face", "faces")).append(", ")
                    .append(Summaries.count(bodies, "body", "bodies")).append(", ")
                    .append(Summaries.count(hands, "hand", "hands")).append(", ")
                    .append(Summaries.count(objects, "object", "objects"));
            if (json != null) {
                line.append("; JSON in ").append(json);
            }
            if (draw != null) {
                line.append("; annotated images in ").append(draw);
            }
            return line.toString();
        }
    }

    /** Stdout must stay open after the JSON writer is done with it. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
