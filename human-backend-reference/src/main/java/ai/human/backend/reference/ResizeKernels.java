package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;

/** Bilinear resize and crop-and-resize with TensorFlow's coordinate conventions, computed in float as TF does. */
final class ResizeKernels {
    private ResizeKernels() {
    }

    /** Where output row (or column) {@code i} samples the input: two neighbours and the weight of the upper one. */
    private record Sample(int lower, int upper, float lerp) {

        /**
         * TensorFlow's {@code ComputeInterpolationWeights}: legacy {@code src = dst * scale}, half-pixel
         * {@code src = (dst + 0.5) * scale - 0.5}; neighbours clamped into the input (so a negative source reads
         * the first element).
         */
        static Sample[] of(int outSize, int inSize, boolean alignCorners, boolean halfPixelCenters) {
            float scale = alignCorners && outSize > 1 ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
            Sample[] samples = new Sample[outSize];
            for (int i = 0; i < outSize; i++) {
                float in = halfPixelCenters ? (i + 0.5f) * scale - 0.5f : i * scale;
                float floor = (float) Math.floor(in);
                samples[i] = new Sample(Math.max((int) floor, 0), Math.min((int) Math.ceil(in), inSize - 1),
                        in - floor);
            }
            return samples;
        }
    }

    static Values resizeBilinear(Values images, int height, int width, boolean alignCorners, boolean halfPixelCenters) {
        if (images.shape().rank() != 4) {
            throw new BackendException("resizeBilinear needs NHWC images of rank 4, got " + images.shape());
        }
        if (height < 1 || width < 1) {
            throw new BackendException("resizeBilinear: output size " + height + "x" + width + " must be positive");
        }
        if (alignCorners && halfPixelCenters) {
            throw new BackendException("resizeBilinear: alignCorners and halfPixelCenters cannot both be true");
        }
        int[] in = images.shape().toArray();
        int batch = in[0], inH = in[1], inW = in[2], channels = in[3];
        if (inH == 0 || inW == 0) {
            throw new BackendException("resizeBilinear: input " + images.shape() + " has no pixels");
        }
        Sample[] rows = Sample.of(height, inH, alignCorners, halfPixelCenters);
        Sample[] cols = Sample.of(width, inW, alignCorners, halfPixelCenters);
        Values out = Values.allocate(DType.FLOAT32, Shape.of(batch, height, width, channels));
        int o = 0;
        for (int n = 0; n < batch; n++) {
            for (Sample row : rows) {
                for (Sample col : cols) {
                    for (int c = 0; c < channels; c++) {
                        out.floatData()[o++] = lerp2(images, n, row, col, c, inH, inW, channels);
                    }
                }
            }
        }
        return out;
    }

    private static float lerp2(Values image, int n, Sample row, Sample col, int c, int height, int width,
                               int channels) {
        float topLeft = pixel(image, n, row.lower(), col.lower(), c, height, width, channels);
        float topRight = pixel(image, n, row.lower(), col.upper(), c, height, width, channels);
        float bottomLeft = pixel(image, n, row.upper(), col.lower(), c, height, width, channels);
        float bottomRight = pixel(image, n, row.upper(), col.upper(), c, height, width, channels);
        return lerp(topLeft, topRight, bottomLeft, bottomRight, col.lerp(), row.lerp());
    }

    private static float lerp(float topLeft, float topRight, float bottomLeft, float bottomRight, float xLerp,
                              float yLerp) {
        float top = topLeft + (topRight - topLeft) * xLerp;
        float bottom = bottomLeft + (bottomRight - bottomLeft) * xLerp;
        return top + (bottom - top) * yLerp;
    }

    private static float pixel(Values image, int n, int y, int x, int c, int height, int width, int channels) {
        return (float) image.get(((n * height + y) * width + x) * channels + c);
    }

    /**
     * TensorFlow's {@code CropAndResize} kernel: box {@code [y1, x1, y2, x2]} (normalized) samples rows
     * {@code y1 * (H - 1) + i * (y2 - y1) * (H - 1) / (cropH - 1)} (the box centre when {@code cropH == 1}); samples
     * outside {@code [0, H - 1]} give 0.
     */
    static Values cropAndResize(Values image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth) {
        if (image.shape().rank() != 4) {
            throw new BackendException("cropAndResize needs NHWC images of rank 4, got " + image.shape());
        }
        if (boxes.length != boxIndices.length) {
            throw new BackendException("cropAndResize: " + boxes.length + " boxes but " + boxIndices.length
                    + " box indices");
        }
        if (cropHeight < 1 || cropWidth < 1) {
            throw new BackendException("cropAndResize: crop size " + cropHeight + "x" + cropWidth + " must be positive");
        }
        int[] in = image.shape().toArray();
        int batch = in[0], height = in[1], width = in[2], channels = in[3];
        Values out = Values.allocate(DType.FLOAT32, Shape.of(boxes.length, cropHeight, cropWidth, channels));
        float[] result = out.floatData();
        for (int b = 0; b < boxes.length; b++) {
            float[] box = boxes[b];
            if (box.length != 4 || boxIndices[b] < 0 || boxIndices[b] >= batch) {
                throw new BackendException("cropAndResize: box " + b + " needs 4 coordinates and an image index in [0, "
                        + batch + "), got " + box.length + " coordinates and index " + boxIndices[b]);
            }
            int n = boxIndices[b];
            float y1 = box[0], x1 = box[1], y2 = box[2], x2 = box[3];
            float heightScale = cropHeight > 1 ? (y2 - y1) * (height - 1) / (cropHeight - 1) : 0;
            float widthScale = cropWidth > 1 ? (x2 - x1) * (width - 1) / (cropWidth - 1) : 0;
            for (int y = 0; y < cropHeight; y++) {
                float inY = cropHeight > 1 ? y1 * (height - 1) + y * heightScale : 0.5f * (y1 + y2) * (height - 1);
                for (int x = 0; x < cropWidth; x++) {
                    float inX = cropWidth > 1 ? x1 * (width - 1) + x * widthScale : 0.5f * (x1 + x2) * (width - 1);
                    int o = ((b * cropHeight + y) * cropWidth + x) * channels;
                    if (inY < 0 || inY > height - 1 || inX < 0 || inX > width - 1) {
                        continue; // extrapolation value 0: already zero
                    }
                    int top = (int) Math.floor(inY);
                    int bottom = (int) Math.ceil(inY);
                    int left = (int) Math.floor(inX);
                    int right = (int) Math.ceil(inX);
                    for (int c = 0; c < channels; c++) {
                        result[o + c] = lerp(pixel(image, n, top, left, c, height, width, channels),
                                pixel(image, n, top, right, c, height, width, channels),
                                pixel(image, n, bottom, left, c, height, width, channels),
                                pixel(image, n, bottom, right, c, height, width, channels),
                                inX - left, inY - top);
                    }
                }
            }
        }
        return out;
    }
}
