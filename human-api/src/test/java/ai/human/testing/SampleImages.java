package ai.human.testing;

import ai.human.image.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The face-api sample photos from the {@code ai.human:human-models:test-images} jar. */
public final class SampleImages {

    private SampleImages() {
    }

    /**
     * SHA-256 (hex) of the RGB bytes ImageIO decodes from an encoded image, as the goldens' {@code rgbSha256}: the
     * goldens were computed on exactly these pixels.
     */
    public static String rgbSha256(byte[] encoded) {
        byte[] rgb = ImageDecoder.decode(encoded, Long.MAX_VALUE).pixels();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(rgb));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of {@code name} (for example {@code sample1.jpg}). */
    public static byte[] bytes(String name) {
        String resource = "/ai/human/testimages/" + name;
        try (InputStream in = SampleImages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath; add the test dependency"
                        + " ai.human:human-models:test-images");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
