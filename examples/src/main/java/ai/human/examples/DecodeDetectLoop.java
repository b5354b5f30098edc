package ai.human.examples;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Human's best-known leak, done right. In Node, {@code decodeImage} → {@code detect} with {@code face.detector.return}
 * leaks the input tensor and every face tensor on each call unless the caller disposes them. Here the input is closed
 * by try-with-resources (or by {@code detect} itself with {@code deallocate: true}), and closing the {@link Result}
 * releases the face tensors, so the live tensor count printed after each iteration stays flat.
 *
 * <pre>
 * java -cp examples/target/human.jar ai.human.examples.DecodeDetectLoop [--deallocate] [--iterations N] [image]
 * </pre>
 * Without an image it uses {@code sample1.jpg} from the sample photos.
 */
public final class DecodeDetectLoop {

    /**
     * One iteration.
     *
     * @param crops        each face tensor's size and mean value
     * @param tensorsHeld  live tensors while the result was held (models, face tensors, the input if not yet closed)
     * @param tensorsAfter live tensors once the result and the input were released
     */
    public record Iteration(List<String> crops, long tensorsHeld, long tensorsAfter) {
        /**
         * Copies the list of crops.
         *
         * @param crops each face tensor's size and mean value
         * @param tensorsHeld live tensors while the result was held (models, face tensors, the input if not yet closed)
         * @param tensorsAfter live tensors once the result and the input were released
         */
        public Iteration {
            crops = List.copyOf(crops);
        }
    }

    private DecodeDetectLoop() {
    }

    /**
     * Runs the example: {@code [--deallocate] [--iterations N] [IMAGE]} (the first sample photo by default).
     *
     * @param args the command line
     * @throws IOException when the image cannot be read
     */
    public static void main(String[] args) throws IOException {
        boolean deallocate = false;
        int iterations = 5;
        byte[] image = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--deallocate" -> deallocate = true;
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                default -> image = Files.readAllBytes(Path.of(args[i]));
            }
        }
        run(HumanConfig.defaults(), image != null ? image : SamplePhotos.read("sample1.jpg"), iterations, deallocate,
                System.out);
    }

    /**
     * Runs the loop {@code iterations} times on {@code image} (an encoded JPEG or PNG) with {@code config} plus
     * {@code face.detector.return: true}, {@code face.detector.maxDetected: 10} and {@code deallocate}, printing one
     * line per iteration to {@code out}.
     *
     * @param config the configuration to start from
     * @param image the bytes of a JPEG or PNG file
     * @param iterations how many times to decode and detect
     * @param deallocate whether {@code detect} closes the decoded tensor
     * @param out where to print
     * @return what each iteration saw
     */
    public static List<Iteration> run(HumanConfig config, byte[] image, int iterations, boolean deallocate,
                                      PrintStream out) {
        HumanConfig loop = config.withOverrides(List.of("face.detector.return=true", "face.detector.maxDetected=10",
                "deallocate=" + deallocate));
        List<Iteration> iterationsDone = new ArrayList<>();
        try (Human human = Human.create(loop)) {
            out.printf(Locale.ROOT, "%s backend, deallocate %s: %d tensors after loading the models%n",
                    human.backend().name(), deallocate, human.memory().tensors());
            for (int i = 1; i <= iterations; i++) {
                Iteration done = deallocate ? detectDeallocating(human, image) : detectAndClose(human, image);
                iterationsDone.add(done);
                out.printf(Locale.ROOT, "iteration %d: face tensors %s; %d tensors while the result is held, %d after%n",
                        i, done.crops(), done.tensorsHeld(), done.tensorsAfter());
            }
        }
        return iterationsDone;
    }

    /** The caller owns the decoded image and closes it; the result owns the face tensors. */
    private static Iteration detectAndClose(Human human, byte[] image) {
        List<String> crops;
        long held;
        try (Tensor input = human.decodeImage(image);
             Result result = human.detect(input)) {
            crops = useFaceTensors(result);
            held = human.memory().tensors();
        }
        return new Iteration(crops, held, human.memory().tensors());
    }

    /** With {@code deallocate: true}, detect takes the decoded image and closes it before it returns. */
    private static Iteration detectDeallocating(Human human, byte[] image) {
        List<String> crops;
        long held;
        try (Result result = human.detect(human.decodeImage(image))) {
            crops = useFaceTensors(result);
            held = human.memory().tensors();
        }
        return new Iteration(crops, held, human.memory().tensors());
    }

    /** Reads each face crop ({@code [size, size, 3]}) back, as an application would to show or store it. */
    private static List<String> useFaceTensors(Result result) {
        List<String> crops = new ArrayList<>();
        for (FaceResult face : result.face()) {
            Tensor crop = face.tensor().peek().orElseThrow();
            float[] values = crop.toFloats();
            double sum = 0;
            for (float value : values) {
                sum += value;
            }
            crops.add(String.format(Locale.ROOT, "%dx%d mean %.3f", crop.shape().dim(0), crop.shape().dim(1),
                    sum / values.length));
        }
        return crops;
    }
}
