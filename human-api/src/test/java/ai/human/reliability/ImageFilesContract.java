package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.human.config.HumanConfig;
import ai.human.image.RgbImage;
import ai.human.reliability.ImageCase.Decodes;
import ai.human.reliability.ImageCase.Refused;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@link ImageCases} through {@code Human.detect(byte[])} on one backend with the full preset (body off,
 * see {@link #config()}): each gives a result (the same result as its expected pixels given as a tensor, when those
 * are known) or an
 * {@code ImageException} that says what was wrong (also through {@code detect(Path)} and {@code decodeImage}), and
 * the backend's tensor count is back at its baseline after every one. ({@link ImageFilesDecodeTest} shows that a file
 * and its bytes decode to the same pixels.)
 *
 * <pre>{@code
 * class TfImageFilesTest extends ImageFilesContract {
 *     protected Backend createBackend() { return new TfBackend(BackendOptions.defaults()); }
 * }
 * }</pre>
 */
public abstract class ImageFilesContract extends OneHumanPerClass {

    private final Map<RgbImage, String> resultsByPixels = new HashMap<>();

    @TempDir
    Path dir;

    /**
     * The full preset without the body: MoveNet's keypoint jitter filter (as in Human) replaces a keypoint that moved
     * less than 0.5% since the previous call by the previous one, so two calls with the same pixels give the same body
     * only when the calls before them were the same. Every other module answers from the pixels alone.
     */
    @Override
    protected HumanConfig config() {
        return fullConfig("body.enabled=false");
    }

    static List<ImageCase> cases() {
        return ImageCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileGivesAResultOrAnImageExceptionAndLeavesNothing(ImageCase c) throws IOException {
        Path file = dir.resolve("input");
        Files.write(file, c.bytes());
        if (c.expected() instanceof Decodes decodes) {
            String fromBytes;
            try (Result result = human.detect(c.bytes())) {
                fromBytes = Results.canonical(result);
            }
            assertThat(liveTensors()).as("live tensors after detect(byte[])").isEqualTo(baseline);
            if (decodes.samePixelsAs() != null) {
                assertThat(fromBytes).as("result of the expected pixels").isEqualTo(resultOf(decodes.samePixelsAs()));
                assertThat(liveTensors()).isEqualTo(baseline);
            }
        } else {
            Refused refused = (Refused) c.expected();
            ImageFilesDecodeTest.assertRefused(catchThrowable(() -> human.detect(c.bytes()).close()), refused);
            assertThat(liveTensors()).as("live tensors after a refused detect(byte[])").isEqualTo(baseline);
            ImageFilesDecodeTest.assertRefused(catchThrowable(() -> human.detect(file).close()), refused);
            assertThat(liveTensors()).as("live tensors after a refused detect(Path)").isEqualTo(baseline);
            ImageFilesDecodeTest.assertRefused(catchThrowable(() -> human.decodeImage(c.bytes()).close()), refused);
            assertThat(liveTensors()).as("live tensors after a refused decodeImage").isEqualTo(baseline);
        }
    }

    /** The result of {@code pixels} given as a tensor (several cases share their pixels: computed once). */
    private String resultOf(RgbImage pixels) {
        return resultsByPixels.computeIfAbsent(pixels, p -> {
            try (Tensor tensor = backend.fromBytes(p.pixels(), Shape.of(1, p.height(), p.width(), 3), DType.UINT8);
                 Result result = human.detect(tensor)) {
                return Results.canonical(result);
            }
        });
    }
}
