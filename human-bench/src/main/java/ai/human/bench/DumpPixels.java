package ai.human.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes the six samples as ImageIO decodes them, for the peer ({@code bench/peer/peer.mjs}) to time Human 3.3.6 on
 * the very pixels the Java benchmarks see: {@code <dir>/sampleN.rgb} (raw RGB bytes, row by row) and
 * {@code <dir>/pixels.json} (name, width, height, file, SHA-256 of the bytes).
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" ai.human.bench.DumpPixels out/pixels
 * </pre>
 */
public final class DumpPixels {
    private DumpPixels() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DumpPixels <output folder>");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        StringBuilder json = new StringBuilder("{\"decoder\": \"javax.imageio (JDK ")
                .append(Runtime.version().feature()).append(")\", \"images\": [\n");
        for (SampleImages.Sample sample : SampleImages.all()) {
            String file = sample.name().replace(".jpg", ".rgb");
            byte[] pixels = sample.image().pixels();
            Files.write(dir.resolve(file), pixels);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pixels));
            json.append(String.format(Locale.ROOT,
                    "  {\"name\": \"%s\", \"width\": %d, \"height\": %d, \"file\": \"%s\", \"rgbSha256\": \"%s\"}%s%n",
                    sample.name(), sample.image().width(), sample.image().height(), file, sha,
                    sample.name().equals(SampleImages.NAMES.get(SampleImages.NAMES.size() - 1)) ? "" : ","));
        }
        json.append("]}\n");
        Files.writeString(dir.resolve("pixels.json"), json, StandardCharsets.UTF_8);
    }
}
