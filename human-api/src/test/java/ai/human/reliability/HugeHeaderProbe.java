package ai.human.reliability;

import ai.human.image.ImageDecoder;
import ai.human.image.ImageException;

/**
 * Run in a child JVM with a tiny heap by {@link HugeImageHeaderTest}: decodes each header bomb with the pixel limit
 * given as the first argument and prints one line per file, {@code NAME=refused CLASS} (followed by
 * {@code (out of memory: true)} when the cause was an {@code OutOfMemoryError} and the message says so),
 * {@code NAME=decoded} or {@code NAME=OutOfMemoryError} (escaped). Arguments: the limit, then {@code all} (the 50,000 x 50,000 headers) or
 * {@code png8000} (a PNG header claiming 8,000 x 8,000 pixels, 192 MB of RGB).
 */
public final class HugeHeaderProbe {

    private HugeHeaderProbe() {
    }

    public static void main(String[] args) {
        long limit = Long.parseLong(args[0]);
        if (args[1].equals("png8000")) {
            probe("png8000", ImageFixtures.pngHeader(8000, 8000), limit);
        } else {
            for (ImageCase c : ImageCases.hugeHeaders()) {
                probe(c.name().replace(' ', '_'), c.bytes(), limit);
            }
        }
        System.out.flush();
    }

    private static void probe(String name, byte[] bytes, long limit) {
        try {
            ImageDecoder.decode(bytes, limit);
            System.out.println(name + "=decoded");
        } catch (ImageException e) {
            boolean memory = e.getCause() instanceof OutOfMemoryError || e.getCause() != null
                    && e.getCause().getCause() instanceof OutOfMemoryError;
            System.out.println(name + "=refused " + e.getClass().getSimpleName() + (memory ? " (out of memory: "
                    + e.getMessage().contains("MB of heap") + ")" : ""));
        } catch (OutOfMemoryError e) {
            System.out.println(name + "=OutOfMemoryError");
        }
    }
}
