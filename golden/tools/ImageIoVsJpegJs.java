import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Measures how far the JDK's ImageIO JPEG decoder is from jpeg-js 0.4.4, the decoder the Human oracle uses.
 *
 * <p>The oracle's pixels come from {@code run.mjs --dump-png DIR} (lossless RGB PNG of what jpeg-js decoded).
 * For every JPEG the tool decodes it with ImageIO, takes channels R, G, B of the raster (no colour conversion),
 * and compares them value by value with the PNG. The hash is defined as the oracle's lib.mjs defines
 * {@code rgbSha256}: SHA-256 over width*height*3 bytes, rows top to bottom, pixels left to right, R G B per pixel.
 *
 * <pre>
 *   java golden/tools/ImageIoVsJpegJs.java PNG_DIR [--oracle-json results.json] [--write-imageio-png DIR] image1.jpg ...
 * </pre>
 * {@code --write-imageio-png} also saves the ImageIO pixels as lossless PNG, so the oracle can be run on them
 * ({@code run.mjs} accepts PNG) to see how the decoder difference propagates into Human's results.
 * <pre>
 * </pre>
 */
public class ImageIoVsJpegJs {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length < 2) {
            System.err.println("usage: java ImageIoVsJpegJs.java PNG_DIR [--oracle-json results.json] [--write-imageio-png DIR] image.jpg ...");
            System.exit(2);
        }
        Path pngDir = Path.of(args[0]);
        Map<String, String> oracleHashes = new HashMap<>();
        Path writePngDir = null;
        int first = 1;
        while (first + 1 < args.length && args[first].startsWith("--")) {
            if (args[first].equals("--oracle-json")) {
                oracleHashes = readOracleHashes(Path.of(args[first + 1]));
            } else if (args[first].equals("--write-imageio-png")) {
                writePngDir = Files.createDirectories(Path.of(args[first + 1]));
            } else {
                throw new IllegalArgumentException("unknown option " + args[first] + "; options: --oracle-json FILE, --write-imageio-png DIR");
            }
            first += 2;
        }
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), ImageIO JPEG reader "
                + ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName());
        System.out.println("image        size       maxAbs  meanAbs     differing   histogram |d|=0,1,2,3,4+ (channel values)"
                + "   sha256(ImageIO RGB)  sha256(jpeg-js PNG)  oracle rgbSha256  ImageIO==oracle  PNG==oracle");
        List<String> getRgbLines = new java.util.ArrayList<>();
        List<String> hashLines = new java.util.ArrayList<>();
        for (String jpg : List.of(args).subList(first, args.length)) {
            Path jpgPath = Path.of(jpg);
            String name = jpgPath.getFileName().toString();
            BufferedImage decoded = ImageIO.read(jpgPath.toFile());
            byte[] imageIo = rgb(decoded, jpg);
            byte[] viaGetRgb = rgbViaGetRgb(decoded);
            if (writePngDir != null) {
                ImageIO.write(decoded, "png", writePngDir.resolve(name.replaceAll("(?i)\\.jpe?g$", ".png")).toFile());
            }
            BufferedImage png = ImageIO.read(pngDir.resolve(name.replaceAll("(?i)\\.jpe?g$", ".png")).toFile());
            byte[] jpegJs = rgb(png, name + " (png)");
            if (imageIo.length != jpegJs.length) {
                throw new IllegalStateException(name + ": sizes differ, ImageIO " + imageIo.length + " bytes vs PNG " + jpegJs.length);
            }
            long sum = 0;
            long differing = 0;
            int max = 0;
            long[] histogram = new long[5];
            for (int i = 0; i < imageIo.length; i++) {
                int d = Math.abs((imageIo[i] & 0xff) - (jpegJs[i] & 0xff));
                sum += d;
                if (d != 0) {
                    differing++;
                }
                max = Math.max(max, d);
                histogram[Math.min(d, 4)]++;
            }
            int maxGetRgb = 0;
            long differingGetRgb = 0;
            for (int i = 0; i < viaGetRgb.length; i++) {
                int d = Math.abs((viaGetRgb[i] & 0xff) - (jpegJs[i] & 0xff));
                maxGetRgb = Math.max(maxGetRgb, d);
                differingGetRgb += d != 0 ? 1 : 0;
            }
            getRgbLines.add(String.format(Locale.ROOT, "%-12s colour space %-22s getRGB() vs jpeg-js: maxAbs %d, differing %.6f; getRGB() == raster: %s",
                    name, colourSpaceName(decoded), maxGetRgb, (double) differingGetRgb / viaGetRgb.length, java.util.Arrays.equals(viaGetRgb, imageIo)));
            String hashImageIo = sha256(imageIo);
            String hashPng = sha256(jpegJs);
            String oracle = oracleHashes.getOrDefault(name, "-");
            hashLines.add(String.format(Locale.ROOT, "%-12s ImageIO %s  jpeg-js (PNG) %s  oracle %s", name, hashImageIo, hashPng, oracle));
            System.out.printf(Locale.ROOT, "%-12s %4dx%-4d  %6d  %7.4f  %10.6f   %s   %s  %s  %s  %s  %s%n",
                    name, png.getWidth(), png.getHeight(), max, (double) sum / imageIo.length, (double) differing / imageIo.length,
                    histogramText(histogram), hashImageIo.substring(0, 16), hashPng.substring(0, 16),
                    oracle.length() > 16 ? oracle.substring(0, 16) : oracle, hashImageIo.equals(oracle), hashPng.equals(oracle));
        }
        System.out.println();
        System.out.println("Full SHA-256 of the RGB bytes (as lib.mjs computes rgbSha256):");
        hashLines.forEach(System.out::println);
        System.out.println();
        System.out.println("Same comparison through BufferedImage.getRGB() (converts the decoder's colour space, e.g. an embedded ICC profile, to sRGB):");
        getRgbLines.forEach(System.out::println);
    }

    private static byte[] rgbViaGetRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            out[i * 3] = (byte) (argb[i] >> 16);
            out[i * 3 + 1] = (byte) (argb[i] >> 8);
            out[i * 3 + 2] = (byte) argb[i];
        }
        return out;
    }

    private static String colourSpaceName(BufferedImage image) {
        java.awt.color.ColorSpace cs = image.getColorModel().getColorSpace();
        return cs.isCS_sRGB() ? "sRGB" : cs.getClass().getSimpleName() + " (not sRGB)";
    }

    /** R, G, B bytes of the raster's first three bands, row-major: the layout lib.mjs hashes. */
    private static byte[] rgb(BufferedImage image, String what) {
        if (image == null) {
            throw new IllegalStateException(what + ": ImageIO could not decode it");
        }
        if (image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_RGB || image.getRaster().getNumBands() < 3) {
            throw new IllegalStateException(what + ": expected an RGB image, got colour space type " + image.getColorModel().getColorSpace().getType());
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w * 3];
        for (int y = 0; y < h; y++) {
            for (int band = 0; band < 3; band++) {
                int[] samples = raster.getSamples(0, y, w, 1, band, (int[]) null);
                for (int x = 0; x < w; x++) {
                    row[x * 3 + band] = samples[x];
                }
            }
            for (int i = 0; i < row.length; i++) {
                out[y * w * 3 + i] = (byte) row[i];
            }
        }
        return out;
    }

    private static String histogramText(long[] histogram) {
        StringBuilder sb = new StringBuilder();
        for (long count : histogram) {
            sb.append(sb.length() == 0 ? "" : ",").append(count);
        }
        return String.format(Locale.ROOT, "%-40s", sb);
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** image name -> rgbSha256 from a run.mjs results file (fields "image" and "rgbSha256" of each entry). */
    private static Map<String, String> readOracleHashes(Path json) throws IOException {
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"image\":\\s*\"([^\"]+)\"[^{}]*?\"rgbSha256\":\\s*\"([0-9a-f]{64})\"").matcher(text);
        Map<String, String> hashes = new HashMap<>();
        while (m.find()) {
            hashes.put(m.group(1), m.group(2));
        }
        return hashes;
    }
}
