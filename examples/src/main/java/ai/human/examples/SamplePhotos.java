package ai.human.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The face-api sample photos ({@code sample1.jpg} … {@code sample6.jpg}, group photos with 3–5 faces) that the
 * {@code ai.human:human-models:test-images} jar carries, for examples run without an image at hand.
 *
 * <pre>{@code
 * byte[] jpeg = SamplePhotos.read("sample1.jpg");
 * }</pre>
 */
public final class SamplePhotos {
    private static final String FOLDER = "/ai/human/testimages/";

    private SamplePhotos() {
    }

    /**
     * {@return the bytes of sample photo {@code name}}
     *
     * @param name the file name, {@code sample1.jpg} to {@code sample6.jpg}
     * @throws IllegalStateException when the test-images jar is not on the classpath
     */
    public static byte[] read(String name) {
        try (InputStream in = SamplePhotos.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is not on the classpath: add the dependency"
                        + " ai.human:human-models:test-images (classifier test-images), or pass an image file");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FOLDER + name + ": " + e.getMessage(), e);
        }
    }
}
