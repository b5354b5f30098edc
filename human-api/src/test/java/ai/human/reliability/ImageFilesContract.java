package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@link ImageCases} through {@code Human.detect(byte[])} on one backend with the full preset, body
 * included: each gives a result (the same result as its expected pixels given as a tensor just before, when those are
 * known) or an
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

    @TempDir
    Path dir;

    static List<ImageCase> cases() {
        return ImageCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileGivesAResultOrAnImageExceptionAndLeavesNothing(ImageCase c) throws IOException {
        Path file = dir.resolve("input");
        Files.write(file, c.bytes());
        if (c.expected() instanceof Decodes decodes) {
            String ofPixels = decodes.samePixelsAs() == null ? null : resultOf(decodes.samePixelsAs());
            assertThat(liveTensors()).as("live tensors after detect(Tensor) of the expected pixels").isEqualTo(baseline);
            String fromBytes;
            try (Result result = human.detect(c.bytes())) {
                fromBytes = Results.canonical(result);
            }
            assertThat(liveTensors()).as("live tensors after detect(byte[])").isEqualTo(baseline);
            if (ofPixels != null) {
                assertThat(fromBytes).as("result of the expected pixels").isEqualTo(ofPixels);
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

    /**
     * The result of {@code pixels} given as a tensor, computed right before the file's own detect and never reused.
     * MoveNet's keypoint jitter filter (as in Human) replaces a keypoint that moved less than 0.5% since the previous
     * call by the previous one, so a body depends on the call before it: a result kept from an earlier case may differ
     * in body keypoints. Right after a call on the same pixels every keypoint is within the limit of the one
     * remembered, so the file's call gives exactly the same body, whatever ran before.
     */
    private String resultOf(RgbImage pixels) {
        try (Tensor tensor = backend.fromBytes(pixels.pixels(), Shape.of(1, pixels.height(), pixels.width(), 3), DType.UINT8);
             Result result = human.detect(tensor)) {
            return Results.canonical(result);
        }
    }
}
