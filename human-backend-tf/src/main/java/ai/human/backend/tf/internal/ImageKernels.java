package ai.human.backend.tf.internal;

import org.tensorflow.internal.c_api.TFE_TensorHandle;

/** Image ops: bilinear resize, crop-and-resize, non-maximum suppression. */
public final class ImageKernels extends Kernels {

    public ImageKernels(EagerContext context) {
        super(context);
    }

    /** {@code ResizeBilinear} of NHWC images to {@code height x width}; float32 result. */
    public TFE_TensorHandle resizeBilinear(TFE_TensorHandle images, int height, int width, boolean alignCorners,
                                          boolean halfPixelCenters) {
        try (Temps temps = temps(); EagerOp op = context.op("ResizeBilinear")) {
            return op.input(images).input(temps.ints(height, width))
                    .attr("align_corners", alignCorners).attr("half_pixel_centers", halfPixelCenters)
                    .executeOne();
        }
    }

    /** {@code CropAndResize}, bilinear, extrapolation 0; {@code boxes} is {@code [n, 4]} flattened. */
    public TFE_TensorHandle cropAndResize(TFE_TensorHandle image, float[] boxes, int[] boxIndices, int cropHeight,
                                         int cropWidth) {
        try (Temps temps = temps(); EagerOp op = context.op("CropAndResize")) {
            return op.input(image)
                    .input(temps.floats(boxes, boxIndices.length, 4))
                    .input(temps.ints(boxIndices))
                    .input(temps.ints(cropHeight, cropWidth))
                    .attr("method", "bilinear").attr("extrapolation_value", 0f)
                    .executeOne();
        }
    }
}
