package ai.human.testing.full;

import ai.human.backend.Backend;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * A face-api sample photo from the {@code ai.human:human-models:test-images} jar, decoded exactly as the pipeline
 * goldens were made ({@code golden/pipeline/README.md}): {@code ImageIO.read}, {@code getRGB}, R, G, B bytes.
 *
 * <pre>{@code
 * SamplePixels sample = SamplePixels.load("sample2.jpg");
 * assertThat(sample.rgbSha256()).isEqualTo(golden.rgbSha256());
 * try (Tensor image = sample.toTensor(backend)) { ... }
 * }</pre>
 *
 * @param name   file name
 * @param width  pixels
 * @param height pixels
 * @param rgb    {@code width * height * 3} bytes, rows top to bottom
 */
public record SamplePixels(String name, int width, int height, byte[] rgb) {

    /** The encoded file (JPEG) from the test jar. */
    public static byte[] bytes(String name) {
        String resource = "/ai/human/testimages/" + name;
        try (InputStream in = SamplePixels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath; add the test dependency"
                        + " ai.human:human-models:test-images");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static SamplePixels load(String name) {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes(name))) {
            BufferedImage image = ImageIO.read(in);
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            byte[] rgb = new byte[w * h * 3];
            for (int p = 0; p < argb.length; p++) {
                rgb[3 * p] = (byte) (argb[p] >> 16);
                rgb[3 * p + 1] = (byte) (argb[p] >> 8);
                rgb[3 * p + 2] = (byte) argb[p];
            }
            return new SamplePixels(name, w, h, rgb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + name, e);
        }
    }

    /** SHA-256 (hex) of the RGB bytes, as the goldens' {@code rgbSha256}. */
    public String rgbSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rgb));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UINT8 {@code [1, height, width, 3]} tensor the facade makes of a decoded image; the caller owns it. */
    public Tensor toUint8Tensor(Backend backend) {
        return backend.fromBytes(rgb, Shape.of(1, height, width, 3), DType.UINT8);
    }

    /** The FLOAT32 {@code [1, height, width, 3]} tensor (0..255) Human's own pipelines take; the caller owns it. */
    public Tensor toTensor(Backend backend) {
        float[] values = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            values[i] = rgb[i] & 0xff;
        }
        return backend.fromFloats(values, Shape.of(1, height, width, 3));
    }
}
