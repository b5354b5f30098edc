package ai.human.cli;

import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import java.nio.file.Path;

/**
 * One image to process: a file, or one of the {@link Samples} in the jar.
 *
 * @param name   the name in the output (the file name, as Human's oracle writes it)
 * @param file   the file, or {@code null} for a sample
 * @param sample the sample number, or 0 for a file
 */
record ImageSource(String name, Path file, int sample) {

    static ImageSource ofFile(Path file) {
        return new ImageSource(file.getFileName().toString(), file, 0);
    }

    static ImageSource ofSample(int n) {
        return new ImageSource(Samples.name(n), null, n);
    }

    /** Decodes the image (ImageIO, as {@code Human.detect(Path)} does). */
    RgbImage decode(long maxPixels) {
        return file != null ? ImageDecoder.decode(file, maxPixels) : ImageDecoder.decode(Samples.read(sample), maxPixels);
    }

    /** Where it comes from, for messages. */
    String origin() {
        return file != null ? file.toString() : "sample " + sample + " (" + Samples.resource(sample) + ")";
    }
}
