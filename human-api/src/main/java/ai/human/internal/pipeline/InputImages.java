package ai.human.internal.pipeline;

import ai.human.backend.Backend;
import ai.human.image.ImageException;
import ai.human.image.ImageTooLargeException;
import ai.human.image.RgbImage;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Locale;

/**
 * Turns detect's inputs into the pipelines' input: a tensor {@code [1, height, width, 3]} with values 0..255, as
 * Human's {@code image.process} does for tensors (a batch axis is added to {@code [h, w, c]}; a fourth channel is
 * dropped; INT32 is cast to FLOAT32). UINT8 stays UINT8: every op the pipelines apply to the whole image (resize,
 * crop-and-resize, pad, rotation) reads it as float with the same values, and it is four times smaller than a float
 * copy, which would cost a cast of every pixel. Tensors made here belong to the open scope; a caller tensor that
 * already has the right form is used as it is and never closed here.
 */
public final class InputImages {

    private InputImages() {
    }

    /** A UINT8 {@code [1, height, width, 3]} tensor of {@code image}'s pixels (caller or scope owned). */
    public static Tensor toTensor(Backend backend, RgbImage image) {
        return backend.fromBytes(image.pixels(), Shape.of(1, image.height(), image.width(), 3), DType.UINT8);
    }

    /**
     * Checks a caller's tensor (also that it belongs to {@code backend}) and returns the pipeline input.
     *
     * @throws ImageException naming what is wrong with the tensor
     */
    public static Tensor toPipelineInput(Backend backend, Tensor input, long maxPixels) {
        Shape shape = checkShape(input, maxPixels);
        if (input.backend() != backend) {
            String other = input.backend().name();
            throw new ImageException("The input tensor " + input.dtype().name().toLowerCase(Locale.ROOT) + shape
                    + " belongs to backend " + other + (other.equals(backend.name()) ? " (another instance)" : "")
                    + ", not to this Human's " + backend.name() + "; make it with human.decodeImage or on human.backend(),"
                    + " or copy its values there");
        }
        Tensor x = input;
        if (shape.rank() == 3) {
            x = backend.reshape(x, Shape.of(1, shape.dim(0), shape.dim(1), shape.dim(2)));
        }
        if (shape.dim(-1) == 4) {
            x = backend.slice(x, new int[] {0, 0, 0, 0}, new int[] {-1, -1, -1, 3});
        }
        if (x.dtype() == DType.INT32) {
            x = backend.cast(x, DType.FLOAT32);
        }
        return x;
    }

    /** Height and width of a checked input tensor. */
    public static int[] heightWidth(Tensor input) {
        Shape shape = input.shape();
        return shape.rank() == 3 ? new int[] {shape.dim(0), shape.dim(1)} : new int[] {shape.dim(1), shape.dim(2)};
    }

    /** Validates a caller tensor; returns its shape. */
    public static Shape checkShape(Tensor input, long maxPixels) {
        if (input == null) {
            throw new ImageException("The input tensor is null; pass an image tensor [1, height, width, 3]");
        }
        String what = "The input tensor " + input.dtype().name().toLowerCase(Locale.ROOT) + input.shape();
        if (input.isClosed()) {
            throw new ImageException(what + " is closed; keep it open until detect returns (with deallocate=true, "
                    + "detect closes it for you)");
        }
        Shape shape = input.shape();
        if (shape.rank() != 3 && shape.rank() != 4) {
            throw new ImageException(what + " has rank " + shape.rank() + "; pass [1, height, width, 3] or [height, width, 3]"
                    + " (4 channels are accepted, alpha is dropped)");
        }
        if (shape.rank() == 4 && shape.dim(0) != 1) {
            throw new ImageException(what + " holds a batch of " + shape.dim(0) + " images; detect takes one image "
                    + "[1, height, width, 3]: call detect once per image");
        }
        int channels = shape.dim(-1);
        if (channels != 3 && channels != 4) {
            throw new ImageException(what + " has " + channels + " channels; pass RGB (3) or RGBA (4, alpha is dropped)");
        }
        if (input.dtype() == DType.BOOL) {
            throw new ImageException(what + " is boolean; pass uint8, int32 or float32 values 0..255");
        }
        int height = shape.dim(-3);
        int width = shape.dim(-2);
        if (height < 1 || width < 1) {
            throw new ImageException(what + " has no pixels");
        }
        if ((long) height * width > maxPixels) {
            throw new ImageTooLargeException("The input tensor", width, height, maxPixels);
        }
        return shape;
    }

    /** The input's RGB values on the JVM side, for change detection (one read of the tensor). */
    public static FramePixels framePixels(Tensor input) {
        int[] hw = heightWidth(input);
        int channels = input.shape().dim(-1);
        if (input.dtype() == DType.UINT8) {
            byte[] values = input.toBytes();
            return FramePixels.ofBytes(hw[1], hw[0], channels == 3 ? values : dropAlpha(values));
        }
        float[] values = input.toFloats();
        return FramePixels.ofFloats(hw[1], hw[0], channels == 3 ? values : dropAlpha(values));
    }

    private static byte[] dropAlpha(byte[] rgba) {
        byte[] rgb = new byte[rgba.length / 4 * 3];
        for (int i = 0, o = 0; i < rgba.length; i += 4) {
            rgb[o++] = rgba[i];
            rgb[o++] = rgba[i + 1];
            rgb[o++] = rgba[i + 2];
        }
        return rgb;
    }

    private static float[] dropAlpha(float[] rgba) {
        float[] rgb = new float[rgba.length / 4 * 3];
        for (int i = 0, o = 0; i < rgba.length; i += 4) {
            rgb[o++] = rgba[i];
            rgb[o++] = rgba[i + 1];
            rgb[o++] = rgba[i + 2];
        }
        return rgb;
    }
}
