package ai.human.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The six face-api demo photos ({@code sample1.jpg … sample6.jpg}, group photos with 3–5 faces) carried in the tool's
 * jar as classpath resources, so that {@code human detect --sample 1} works without any image at hand.
 */
final class Samples {
    static final int COUNT = 6;
    private static final String FOLDER = "ai/human/testimages/";

    private Samples() {
    }

    /** The file name of sample {@code n}, e.g. {@code sample1.jpg}. */
    static String name(int n) {
        return "sample" + n + ".jpg";
    }

    /** The classpath resource of sample {@code n}. */
    static String resource(int n) {
        return FOLDER + name(n);
    }

    /**
     * The bytes of sample {@code n}.
     *
     * @throws CliException when the samples are not on the classpath
     */
    static byte[] read(int n) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource(n))) {
            if (in == null) {
                throw CliException.failed("sample " + n + " (" + resource(n) + ") is not on the classpath; run the tool"
                        + " from bin/human or target/human.jar, which carry the samples");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource(n) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sample numbers from {@code --sample} values: {@code 1}, {@code 2,5}, {@code 1-3} or {@code all}, in the order
     * given, without repeats.
     *
     * @throws CliException (usage) for anything else
     */
    static List<Integer> parse(List<String> values) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.equals("all")) {
                    for (int n = 1; n <= COUNT; n++) {
                        numbers.add(n);
                    }
                } else if (p.matches("\\d+-\\d+")) {
                    int from = number(p.substring(0, p.indexOf('-')), value);
                    int to = number(p.substring(p.indexOf('-') + 1), value);
                    for (int n = Math.min(from, to); n <= Math.max(from, to); n++) {
                        numbers.add(n);
                    }
                } else {
                    numbers.add(number(p, value));
                }
            }
        }
        return new ArrayList<>(numbers);
    }

    private static int number(String text, String value) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= COUNT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("--sample " + value + ": write a sample number 1 to " + COUNT + ", a list (1,3), a range"
                + " (1-3) or 'all'");
    }
}
