package ai.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.image.ImageException;
import ai.human.image.ImageTooLargeException;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.testing.FaceAssertions;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HumanInputTest {
    private final HumanFixture fixture = new HumanFixture();

    @TempDir
    Path dir;

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @Test
    void pathBytesBufferedImageAndTensorsOfTheSamePixelsGiveIdenticalResults() throws IOException {
        BufferedImage image = HumanFixture.image(320, 240, 3);
        byte[] png = png(image);
        Path file = dir.resolve("image.png");
        Files.write(file, png);
        try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0"))) {
            List<List<FaceResult>> results = new ArrayList<>();
            results.add(faces(human.detect(file)));
            results.add(faces(human.detect(png)));
            results.add(faces(human.detect(image)));
            try (Tensor uint8 = human.decodeImage(image)) {
                results.add(faces(human.detect(uint8)));
                try (Tensor int32 = fixture.backend.cast(uint8, DType.INT32);
                     Tensor int32Hwc = fixture.backend.reshape(int32, Shape.of(240, 320, 3));
                     Tensor float32 = fixture.backend.cast(uint8, DType.FLOAT32);
                     Tensor alpha = fixture.backend.fromFloats(filled(240 * 320, 77f), Shape.of(1, 240, 320, 1));
                     Tensor rgba = fixture.backend.concat(List.of(float32, alpha), 3)) {
                    results.add(faces(human.detect(int32Hwc)));
                    results.add(faces(human.detect(float32)));
                    results.add(faces(human.detect(rgba)));
                }
            }
            assertThat(results.get(0)).hasSize(2);
            for (List<FaceResult> other : results.subList(1, results.size())) {
                FaceAssertions.assertSameFaces(other, results.get(0));
            }
        }
    }

    @Test
    void differentPixelsGiveDifferentResults() {
        try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0"))) {
            List<FaceResult> a = faces(human.detect(HumanFixture.image(320, 240, 3)));
            List<FaceResult> b = faces(human.detect(HumanFixture.image(320, 240, 90)));
            assertThat(a.get(0).embedding()).isNotEqualTo(b.get(0).embedding());
        }
    }

    @Test
    void tensorOfWrongRankIsRefusedWithTheAcceptedShapes() {
        try (Human human = fixture.human(HumanFixture.config());
             Tensor flat = fixture.backend.fromFloats(new float[12], Shape.of(12))) {
            assertThatThrownBy(() -> human.detect(flat)).isInstanceOf(ImageException.class)
                    .hasMessageContaining("float32[12]").hasMessageContaining("[1, height, width, 3]");
        }
    }

    @Test
    void tensorWithTwoChannelsIsRefused() {
        try (Human human = fixture.human(HumanFixture.config());
             Tensor twoChannels = fixture.backend.fromFloats(new float[32], Shape.of(4, 4, 2))) {
            assertThatThrownBy(() -> human.detect(twoChannels)).isInstanceOf(ImageException.class)
                    .hasMessageContaining("2 channels");
        }
    }

    @Test
    void closedTensorIsRefused() {
        try (Human human = fixture.human(HumanFixture.config())) {
            Tensor closed = human.decodeImage(HumanFixture.image(8, 8, 1));
            closed.close();
            assertThatThrownBy(() -> human.detect(closed)).isInstanceOf(ImageException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void imagesAboveMaxImagePixelsAreRefusedInEveryForm() {
        BufferedImage image = HumanFixture.image(100, 50, 1);
        try (Human human = fixture.human(HumanFixture.config("maxImagePixels=4999"));
             Tensor tensor = fixture.backend.fromFloats(new float[100 * 50 * 3], Shape.of(1, 50, 100, 3))) {
            long baseline = fixture.liveTensors();
            assertThatThrownBy(() -> human.detect(image)).isInstanceOf(ImageTooLargeException.class);
            assertThatThrownBy(() -> human.detect(png(image))).isInstanceOf(ImageTooLargeException.class);
            assertThatThrownBy(() -> human.detect(tensor)).isInstanceOf(ImageTooLargeException.class);
            assertThatThrownBy(() -> human.decodeImage(image)).isInstanceOf(ImageTooLargeException.class);
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }

    @Test
    void undecodableBytesLeaveNothingBehind() {
        try (Human human = fixture.human(HumanFixture.config())) {
            long baseline = fixture.liveTensors();
            assertThatThrownBy(() -> human.detect(new byte[] {1, 2, 3})).isInstanceOf(ImageException.class);
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }

    private static List<FaceResult> faces(Result result) {
        try (result) {
            return result.face();
        }
    }

    private static float[] filled(int n, float value) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
