package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.human.config.HumanConfig;
import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import ai.human.reliability.ImageCase.Decodes;
import ai.human.reliability.ImageCase.Refused;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@link ImageCases} through {@link ImageDecoder}, from bytes and from a file, with the default pixel
 * limit: decoded to the expected pixels, or refused with an {@code ImageException} that says what was wrong. The
 * backend modules run the same files through {@code Human.detect} ({@link ImageFilesContract}).
 */
class ImageFilesDecodeTest {

    @TempDir
    Path dir;

    static List<ImageCase> cases() {
        return ImageCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileIsDecodedOrRefusedWithWhatWasWrong(ImageCase c) throws IOException {
        Path file = dir.resolve("input.bin");
        Files.write(file, c.bytes());
        long limit = HumanConfig.DEFAULT_MAX_IMAGE_PIXELS;
        if (c.expected() instanceof Decodes decodes) {
            RgbImage fromBytes = ImageDecoder.decode(c.bytes(), limit);
            RgbImage fromFile = ImageDecoder.decode(file, limit);
            assertThat(fromFile).isEqualTo(fromBytes);
            if (decodes.samePixelsAs() != null) {
                assertThat(fromBytes).as("pixels of %s", c.name()).isEqualTo(decodes.samePixelsAs());
            }
        } else {
            Refused refused = (Refused) c.expected();
            assertRefused(catchThrowable(() -> ImageDecoder.decode(c.bytes(), limit)), refused);
            assertRefused(catchThrowable(() -> ImageDecoder.decode(file, limit)), refused);
        }
    }

    static void assertRefused(Throwable thrown, Refused refused) {
        assertThat(thrown).isInstanceOf(refused.type());
        String message = thrown.getMessage().toLowerCase(Locale.ROOT);
        for (String fragment : refused.fragments()) {
            assertThat(message).as("message: %s", thrown.getMessage()).contains(fragment.toLowerCase(Locale.ROOT));
        }
    }
}
