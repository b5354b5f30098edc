import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Decodes JPEGs with the JDK's ImageIO the way Human for Java does, and saves the pixels as lossless PNG so the
 * Human oracle (run.mjs, which reads PNG with pngjs) can be run on exactly the same pixels.
 *
 * <p>Pixel definition (the one the Java library and its tests use):
 * <ol>
 *   <li>{@code BufferedImage image = ImageIO.read(file)} (EXIF orientation is not applied);</li>
 *   <li>{@code int[] argb = image.getRGB(0, 0, w, h, null, 0, w)}: packed 0xAARRGGBB in the default sRGB
 *       colour model, rows top to bottom, pixels left to right;</li>
 *   <li>bytes = for each pixel {@code (argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff}: R, G, B; alpha dropped.</li>
 * </ol>
 * {@code rgbSha256} is SHA-256 over those w*h*3 bytes, which is how the oracle's lib.mjs hashes its decoded pixels.
 * The tool also reports whether {@code getRGB} equals bands 0, 1, 2 of the raster (it does when ImageIO reports the
 * image as sRGB, i.e. no colour conversion happened).
 *
 * <pre>
 *   java golden/tools/ImageIoPixels.java [--png-dir DIR] [--json FILE] image1.jpg image2.jpg ...
 * </pre>
 * {@code --png-dir}: writes DIR/&lt;name&gt;.png (8-bit RGB, no alpha) per image and reads it back to check it holds
 * the same bytes. {@code --json}: writes the hashes and the JDK that made them. A summary goes to stdout.
 */
public class ImageIoPixels {

    record Decoded(String image, int width, int height, byte[] rgb, boolean getRgbEqualsRaster) {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path pngDir = null;
        Path json = null;
        List<String> images = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--png-dir" -> pngDir = Files.createDirectories(Path.of(value(args, ++i)));
                case "--json" -> json = Path.of(value(args, ++i));
                default -> {
                    if (args[i].startsWith("--")) {
                        fail("unknown option " + args[i] + "; options: --png-dir DIR, --json FILE");
                    }
                    images.add(args[i]);
                }
            }
        }
        if (images.isEmpty()) {
            fail("usage: java ImageIoPixels.java [--png-dir DIR] [--json FILE] image.jpg ...");
        }
        String jdk = "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ")";
        String reader = ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName();
        System.out.println(jdk + ", ImageIO JPEG reader " + reader);
        StringBuilder entries = new StringBuilder();
        for (String file : images) {
            Decoded d = decode(Path.of(file));
            String hash = sha256(d.rgb());
            String png = "-";
            if (pngDir != null) {
                Path out = pngDir.resolve(d.image().replaceAll("(?i)\\.(jpe?g|png)$", "") + ".png");
                writePng(d, out);
                png = out.getFileName().toString();
            }
            System.out.printf(Locale.ROOT, "%-12s %4dx%-4d rgbSha256 %s  getRGB==raster %s  png %s%n",
                    d.image(), d.width(), d.height(), hash, d.getRgbEqualsRaster(), png);
            entries.append(entries.length() == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
                    "  {\"image\": \"%s\", \"width\": %d, \"height\": %d, \"rgbSha256\": \"%s\", \"getRgbEqualsRaster\": %s, \"png\": \"%s\"}",
                    d.image(), d.width(), d.height(), hash, d.getRgbEqualsRaster(), png));
        }
        if (json != null) {
            String text = "{\n \"decoder\": \"ImageIO (JDK " + System.getProperty("java.version") + ")\",\n"
                    + " \"jdk\": \"" + jdk.replace("\"", "'") + "\",\n"
                    + " \"javaHome\": \"" + System.getProperty("java.home") + "\",\n"
                    + " \"reader\": \"" + reader + "\",\n"
                    + " \"pixels\": \"ImageIO.read(file); BufferedImage.getRGB(0, 0, w, h, null, 0, w); bytes R,G,B per pixel"
                    + " (alpha dropped), rows top to bottom, pixels left to right; rgbSha256 = SHA-256 of those w*h*3 bytes\",\n"
                    + " \"images\": [\n" + entries + "\n ]\n}\n";
            Files.writeString(json, text, StandardCharsets.UTF_8);
        }
    }

    /** ImageIO.read, then getRGB: the pixel definition in the class comment. */
    static Decoded decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            fail(file + ": no ImageIO reader could decode it (is it a JPEG or PNG?)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[i * 3] = (byte) (argb[i] >> 16);
            rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
            rgb[i * 3 + 2] = (byte) argb[i];
        }
        return new Decoded(file.getFileName().toString(), w, h, rgb, Arrays.equals(rgb, rasterBands(image)));
    }

    /** Bands 0, 1, 2 of the raster as stored by the decoder, no colour conversion; null if not 3+ bands. */
    private static byte[] rasterBands(BufferedImage image) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() < 3) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        for (int band = 0; band < 3; band++) {
            for (int y = 0; y < h; y++) {
                int[] samples = raster.getSamples(0, y, w, 1, band, (int[]) null);
                for (int x = 0; x < w; x++) {
                    out[(y * w + x) * 3 + band] = (byte) samples[x];
                }
            }
        }
        return out;
    }

    /** Writes the RGB bytes as an 8-bit RGB PNG (no alpha) and checks that reading it back gives the same bytes. */
    private static void writePng(Decoded d, Path out) throws IOException {
        BufferedImage rgbImage = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        int[] packed = new int[d.width() * d.height()];
        byte[] rgb = d.rgb();
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (rgb[i * 3] & 0xff) << 16 | (rgb[i * 3 + 1] & 0xff) << 8 | (rgb[i * 3 + 2] & 0xff);
        }
        rgbImage.setRGB(0, 0, d.width(), d.height(), packed, 0, d.width());
        if (!ImageIO.write(rgbImage, "png", out.toFile())) {
            fail(out + ": this JDK has no PNG writer");
        }
        Decoded back = decode(out);
        if (!Arrays.equals(back.rgb(), rgb)) {
            fail(out + ": the PNG read back does not hold the same RGB bytes");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static void fail(String message) {
        System.err.println("ImageIoPixels: " + message);
        System.exit(2);
    }
}
