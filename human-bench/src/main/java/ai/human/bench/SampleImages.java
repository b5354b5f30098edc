package ai.human.bench;

import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The six face-api demo photos from the {@code ai.human:human-models:test-images} jar, decoded by ImageIO as
 * {@code Human.detect(Path)} would (the peer is fed exactly these pixels).
 *
 * <pre>{@code
 * for (SampleImages.Sample s : SampleImages.all()) { System.out.println(s.name() + " " + s.image().width()); }
 * }</pre>
 */
public final class SampleImages {
    /** The file names, in the order every benchmark processes them. */
    public static final List<String> NAMES = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg",
            "sample5.jpg", "sample6.jpg");

    /** One decoded sample. */
    public record Sample(String name, RgbImage image) {
    }

    private SampleImages() {
    }

    /** All six, decoded. */
    public static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String name : NAMES) {
            out.add(new Sample(name, ImageDecoder.decode(bytes(name), Long.MAX_VALUE)));
        }
        return out;
    }

    /** The JPEG bytes of {@code name}. */
    public static byte[] bytes(String name) {
        String resource = "/ai/human/testimages/" + name;
        try (InputStream in = SampleImages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; it comes with the dependency"
                        + " ai.human:human-models:test-images (build human-models first)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
