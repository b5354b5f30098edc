package ai.human.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and odd image files through {@code human detect FILE} (with every model off, so only the image handling runs):
 * a file that decodes gives exit code 0 and a result; a refused one exit code 1 and a message on stderr naming the file
 * and what was wrong, without a stack trace. {@code --set maxImagePixels=N} sets the pixel limit for the run. (The
 * whole set of issue 12's files runs through the library in the backend modules' {@code ImageFilesTest}.)
 */
class CliBadImagesTest {

    @TempDir
    Path dir;

    static List<Arguments> files() throws IOException {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                picture.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 77);
            }
        }
        byte[] jpeg = encode(picture, "jpeg");
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture, 0, 0, null);
        return List.of(
                Arguments.of("empty file", new byte[0], List.of("empty")),
                Arguments.of("random bytes", noise, List.of("not in an image format")),
                Arguments.of("truncated JPEG", Arrays.copyOf(jpeg, jpeg.length / 2), List.of("JPEG", "truncated")),
                Arguments.of("WebP", webp(), List.of("WebP", "convert")),
                Arguments.of("PNG claiming 50000x50000", pngHeader(50_000, 50_000), List.of("50000x50000", "maxImagePixels")),
                Arguments.of("1x1 PNG", encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"), List.of()),
                Arguments.of("greyscale JPEG", encode(grey, "jpeg"), List.of()),
                Arguments.of("BMP", encode(picture, "bmp"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void detectReportsABadFileWithExitCodeOneAndWhatWasWrong(String name, byte[] bytes, List<String> refusal)
            throws IOException {
        Path file = Files.write(dir.resolve("input.img"), bytes);
        List<String> args = new ArrayList<>(List.of("detect", file.toString()));
        args.addAll(CliRun.NO_MODELS);
        CliRun run = CliRun.of(args.toArray(String[]::new));

        if (refusal.isEmpty()) {
            assertThat(run.code()).as("stderr: %s", run.err()).isZero();
            assertThat(run.out()).contains("\"face\"");
        } else {
            assertThat(run.code()).as("stderr: %s", run.err()).isEqualTo(CliRun.FAILED);
            assertThat(run.err()).contains("input.img").doesNotContain("\tat ");
            for (String fragment : refusal) {
                assertThat(run.err().toLowerCase(Locale.ROOT)).contains(fragment.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void thePixelLimitSetOnTheCommandLineRefusesALargerImageAndSaysHowToRaiseIt() throws IOException {
        Path file = Files.write(dir.resolve("wide.png"),
                encode(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), "png"));
        List<String> args = new ArrayList<>(List.of("detect", file.toString(), "--set", "maxImagePixels=4999"));
        args.addAll(CliRun.NO_MODELS);

        CliRun limited = CliRun.of(args.toArray(String[]::new));
        assertThat(limited.code()).as("stderr: %s", limited.err()).isEqualTo(CliRun.FAILED);
        assertThat(limited.err()).contains("wide.png", "100x50", "maxImagePixels = 4999", "raise maxImagePixels")
                .doesNotContain("\tat ");

        args.set(3, "maxImagePixels=5000");
        CliRun atTheLimit = CliRun.of(args.toArray(String[]::new));
        assertThat(atTheLimit.code()).as("stderr: %s", atTheLimit.err()).isZero();
        assertThat(atTheLimit.out()).contains("\"face\"");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] webp() {
        ByteBuffer webp = ByteBuffer.allocate(25).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(17).put("WEBPVP8L".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(5).put((byte) 0x2F).putInt(0);
        return webp.array();
    }

    /** A PNG signature and a valid IHDR chunk claiming {@code width x height}, and nothing else. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13);
        png.put("IHDR".getBytes(StandardCharsets.ISO_8859_1)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt((int) crc.getValue());
        return png.array();
    }
}
