package ai.human.tck;

import ai.human.backend.Backend;
import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The photos the detection rules detect in: the face-api 1.7.15 demo samples ({@code sample1.jpg} ...
 * {@code sample6.jpg}, group photos with 3 to 5 faces) from the {@code ai.human:human-models:test-images} jar, a
 * dependency of the kit. Decoded once with {@link ImageDecoder} and kept as RGB bytes, so that each detection gets a
 * fresh UINT8 tensor without decoding again.
 */
final class SampleImages {
    static final int COUNT = 6;
    private static final String RESOURCE = "/ai/human/testimages/sample%d.jpg";
    private static final Map<Integer, RgbImage> DECODED = new ConcurrentHashMap<>();

    private SampleImages() {
    }

    /** The file name of sample {@code n} (1 to 6), for messages. */
    static String name(int n) {
        return "sample" + n + ".jpg";
    }

    /** The decoded pixels of sample {@code n}. */
    static RgbImage rgb(int n) {
        return DECODED.computeIfAbsent(n, SampleImages::decode);
    }

    /** A new UINT8 {@code [1, height, width, 3]} tensor of sample {@code n} on {@code backend}; the caller owns it. */
    static Tensor tensor(Backend backend, int n) {
        RgbImage image = rgb(n);
        return backend.fromBytes(image.pixels(), Shape.of(1, image.height(), image.width(), 3), DType.UINT8);
    }

    private static RgbImage decode(int n) {
        String resource = String.format(Locale.ROOT, RESOURCE, n);
        try (InputStream in = SampleImages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath: the kit needs the sample photos of "
                        + "ai.human:human-models:test-images (a dependency of human-tck; check that it was not excluded)");
            }
            return ImageDecoder.decode(in.readAllBytes(), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
