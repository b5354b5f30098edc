package ai.human.reliability;

import ai.human.error.HumanException;
import ai.human.testing.SampleImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The fuzzing runs of issue 12: seed files, a seeded case generator, and the tally. Case {@code i} of a run with seed
 * {@code s} is always the same mutation ({@code new Random(s * 1_000_003 + i)}), so a failing case is reproduced with
 * {@code -Dhuman.fuzz.seed=s -Dhuman.fuzz.first=i -Dhuman.fuzz.cases=1}.
 *
 * <p>System properties: {@code human.fuzz.cases} (number of cases; each test has its CI default),
 * {@code human.fuzz.seed} (default 20261127), {@code human.fuzz.first} (first case index, default 0).
 */
public final class Fuzzing {
    private static List<Seed> seeds;

    private Fuzzing() {
    }

    /** A file to mutate. */
    public record Seed(String name, byte[] bytes) {
    }

    /** One generated case. */
    public record Case(int index, Seed seed, Mutator.Mutant mutant) {
        @Override
        public String toString() {
            return "case " + index + " (" + seed.name() + ": " + mutant.description() + ")";
        }
    }

    /** What a run saw. */
    public static final class Tally {
        private final Map<String, Integer> outcomes = new TreeMap<>();
        private final List<String> escaped = new ArrayList<>();
        private final List<String> leaked = new ArrayList<>();
        private int cases;

        /** Counts a case that gave a result. */
        public void result() {
            cases++;
            outcomes.merge("result", 1, Integer::sum);
        }

        /** Counts a case refused with a HumanException, by kind. */
        public void refused(HumanException e) {
            cases++;
            outcomes.merge(e.getClass().getSimpleName() + ": " + kind(e.getMessage()), 1, Integer::sum);
        }

        /** Records a case that threw something else. */
        public void escaped(Case c, Throwable t) {
            cases++;
            outcomes.merge("ESCAPED " + t.getClass().getName(), 1, Integer::sum);
            escaped.add(c + ": " + t);
        }

        /** Records a case after which the tensor count was not back at the baseline. */
        public void leaked(Case c, long extra) {
            leaked.add(c + ": " + extra + " tensors left");
        }

        public List<String> escaped() {
            return escaped;
        }

        public List<String> leaked() {
            return leaked;
        }

        /** Outcome counts, one line each. */
        public String report(String title) {
            StringBuilder out = new StringBuilder(title).append(": ").append(cases).append(" cases").append(System.lineSeparator());
            outcomes.forEach((kind, n) -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", n, kind)));
            return out.toString();
        }
    }

    /** The files mutated: sample photos scaled down in several formats and layouts, and one full-size JPEG. */
    public static synchronized List<Seed> seeds() {
        if (seeds == null) {
            List<Seed> out = new ArrayList<>();
            out.add(new Seed("sample1 JPEG 320", ImageFixtures.encode(ImageFixtures.photo(1, 320), "jpeg")));
            out.add(new Seed("sample2 progressive JPEG 320", progressiveJpeg(ImageFixtures.photo(2, 320))));
            out.add(new Seed("sample3 PNG 256", ImageFixtures.encode(ImageFixtures.photo(3, 256), "png")));
            out.add(new Seed("sample4 GIF 200", ImageFixtures.encode(ImageFixtures.photo(4, 200), "gif")));
            out.add(new Seed("sample5 BMP 160", ImageFixtures.encode(ImageFixtures.photo(5, 160), "bmp")));
            out.add(new Seed("sample6 16-bit PNG 200", ImageFixtures.encode(ImageFixtures.sixteenBit(ImageFixtures.photo(6, 200)),
                    "png")));
            out.add(new Seed("sample1 palette PNG 200", ImageFixtures.encode(ImageFixtures.convert(ImageFixtures.photo(1, 200),
                    java.awt.image.BufferedImage.TYPE_BYTE_INDEXED), "png")));
            out.add(new Seed("sample2.jpg (1920 wide)", SampleImages.bytes("sample2.jpg")));
            seeds = List.copyOf(out);
        }
        return seeds;
    }

    /** The number of cases: {@code human.fuzz.cases}, else {@code ciDefault}. */
    public static int cases(int ciDefault) {
        return Integer.getInteger("human.fuzz.cases", ciDefault);
    }

    /** Runs {@code check} on every case of this run, in order. */
    public static void run(int ciDefault, Function<Case, Void> check) {
        long seed = Long.getLong("human.fuzz.seed", 20261127L);
        int first = Integer.getInteger("human.fuzz.first", 0);
        int n = cases(ciDefault);
        for (int i = first; i < first + n; i++) {
            Random rnd = new Random(seed * 1_000_003 + i);
            Seed s = seeds().get(rnd.nextInt(seeds().size()));
            check.apply(new Case(i, s, Mutator.mutate(s.bytes(), rnd)));
        }
    }

    /** A short name for the kind of refusal, from the message's wording. */
    static String kind(String message) {
        String m = message == null ? "" : message;
        for (String phrase : List.of("is empty", "is not in an image format", "header cannot be read", "is truncated",
                "could not be decoded", "has no pixels", "more than maxImagePixels", "of heap to decode",
                "which ImageIO cannot read")) {
            if (m.contains(phrase)) {
                return phrase;
            }
        }
        return m.length() > 80 ? m.substring(0, 80) + "..." : m;
    }

    private static byte[] progressiveJpeg(java.awt.image.BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
