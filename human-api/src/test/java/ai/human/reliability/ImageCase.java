package ai.human.reliability;

import ai.human.image.ImageException;
import ai.human.image.RgbImage;
import java.util.List;
import java.util.Objects;

/**
 * One input file for the reliability tests and what must come of it: decoded (to exactly the given pixels, when
 * known) or refused with an exception of a given type whose message contains the given fragments.
 *
 * @param name     what the file is, for test names and the report
 * @param bytes    the file's contents
 * @param expected the outcome
 */
public record ImageCase(String name, byte[] bytes, Expected expected) {

    public ImageCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(expected, "expected");
    }

    /** The outcome a case must have. */
    public sealed interface Expected permits Decodes, Refused {
    }

    /**
     * The file is decoded and detection runs.
     *
     * @param samePixelsAs the pixels the file must decode to, or null when they are not known in advance (lossy or
     *                     colour-converted formats)
     */
    public record Decodes(RgbImage samePixelsAs) implements Expected {
    }

    /**
     * The file is refused.
     *
     * @param type      the exception type
     * @param fragments text the message must contain (case-insensitive)
     */
    public record Refused(Class<? extends ImageException> type, List<String> fragments) implements Expected {
        public Refused {
            fragments = List.copyOf(fragments);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
