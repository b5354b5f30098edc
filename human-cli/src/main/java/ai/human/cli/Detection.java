package ai.human.cli;

import ai.human.Human;
import ai.human.image.RgbImage;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;

/**
 * One image decoded and detected: the image is decoded once (for detection, the pixel hash and drawing) and given to
 * Human as a tensor, which gives the same result as {@code human.detect(path)}.
 *
 * @param source    the image
 * @param image     its pixels
 * @param result    what Human found; the caller closes it
 * @param rgbSha256 SHA-256 of the pixels
 */
record Detection(ImageSource source, RgbImage image, Result result, String rgbSha256) {

    static Detection run(Human human, ImageSource source) {
        RgbImage image = source.decode(human.config().maxImagePixels());
        Result result;
        try (Tensor input = human.backend().fromBytes(image.pixels(), Shape.of(1, image.height(), image.width(), 3),
                DType.UINT8)) {
            result = human.detect(input);
        }
        return new Detection(source, image, result, Pixels.sha256(image));
    }
}
