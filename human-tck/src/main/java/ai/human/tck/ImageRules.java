package ai.human.tck;

import ai.human.backend.RotateWithOffset;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules {@code OP-IMG-*}: bilinear resize in TensorFlow's three coordinate modes, crop-and-resize and rotation.
 * Hand-computed cases first, then golden cases from TensorFlow.js ({@link Golden}).
 */
abstract class ImageRules extends RuleGroup {
    private static final String HINT_LEGACY = "legacy mode (halfPixelCenters=false, alignCorners=false): "
            + "src = dst * in / out, neighbours floor(src) and min(ceil(src), in - 1)";
    private static final String HINT_HALF = "half-pixel mode: src = (dst + 0.5) * in / out - 0.5, neighbours clamped to "
            + "[0, in - 1] (a negative src reads the first row/column); PyTorch's align_corners=False matches this mode "
            + "only";
    private static final String HINT_ALIGN = "alignCorners: src = dst * (in - 1) / (out - 1), so corners map to corners";
    private static final String HINT_CROP = "TensorFlow CropAndResize: y = y1 * (H - 1) + i * (y2 - y1) * (H - 1) / "
            + "(cropH - 1) (the box centre when cropH = 1), bilinear; samples outside [0, H - 1] are 0";
    private static final String HINT_ROTATE = "TensorFlow.js rotateWithOffset: for output (x, y), source = "
            + "round(rotation by the angle around (centerX * width, centerY * height)), nearest neighbour, fill outside";

    ImageRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_IMAGE, true);
    }

    @Test
    @DisplayName("OP-IMG-01 resizeBilinear in legacy mode (halfPixelCenters=false): src = dst * in / out")
    void resizeLegacy() {
        try (TestTensors t = tensors()) {
            Tensor line = t.floats(new float[] {0, 10}, 1, 1, 2, 1);
            check("OP-IMG-01", "legacy resize of [0, 10] to width 4", HINT_LEGACY,
                    t.result(backend.resizeBilinear(line, 1, 4, false, false))).shape(1, 1, 4, 1).floats(0, 5, 10, 10);
            Tensor wide = t.floats(new float[] {0, 10, 20, 30}, 1, 1, 4, 1);
            check("OP-IMG-01", "legacy resize of [0, 10, 20, 30] to width 2", HINT_LEGACY,
                    t.result(backend.resizeBilinear(wide, 1, 2, false, false))).shape(1, 1, 2, 1).floats(0, 20);
            Tensor square = t.floats(new float[] {0, 10, 20, 30}, 1, 2, 2, 1);
            // rows and columns sample at 0, 2/3 and 4/3 (clamped to 1): value = 20 * row weight + 10 * column weight
            check("OP-IMG-01", "legacy resize of [[0, 10], [20, 30]] to 3x3", HINT_LEGACY,
                    t.result(backend.resizeBilinear(square, 3, 3, false, false))).shape(1, 3, 3, 1)
                    .floats(0, 20 / 3f, 10, 40 / 3f, 20, 70 / 3f, 20, 80 / 3f, 30);
        }
        for (String size : new String[] {"up", "down", "mixed", "toOne"}) {
            golden("OP-IMG-01", "resizeBilinear.legacy." + size, HINT_LEGACY);
        }
    }

    @Test
    @DisplayName("OP-IMG-02 resizeBilinear with half-pixel centres: src = (dst + 0.5) * in / out - 0.5, clamped at 0")
    void resizeHalfPixel() {
        try (TestTensors t = tensors()) {
            Tensor line = t.floats(new float[] {0, 10}, 1, 1, 2, 1);
            // src = -0.25, 0.25, 0.75, 1.25 -> clamped 0, then 2.5, 7.5, and the last column
            check("OP-IMG-02", "half-pixel resize of [0, 10] to width 4", HINT_HALF,
                    t.result(backend.resizeBilinear(line, 1, 4, false, true))).shape(1, 1, 4, 1).floats(0, 2.5f, 7.5f, 10);
            Tensor wide = t.floats(new float[] {0, 10, 20, 30}, 1, 1, 4, 1);
            check("OP-IMG-02", "half-pixel resize of [0, 10, 20, 30] to width 2 (src 0.5 and 2.5)", HINT_HALF,
                    t.result(backend.resizeBilinear(wide, 1, 2, false, true))).floats(5, 25);
            Tensor square = t.floats(new float[] {0, 10, 20, 30}, 1, 2, 2, 1);
            check("OP-IMG-02", "half-pixel resize of [[0, 10], [20, 30]] to 3x3", HINT_HALF,
                    t.result(backend.resizeBilinear(square, 3, 3, false, true))).shape(1, 3, 3, 1)
                    .floats(0, 5, 10, 10, 15, 20, 20, 25, 30);
        }
        for (String size : new String[] {"up", "down", "mixed", "toOne"}) {
            golden("OP-IMG-02", "resizeBilinear.halfPixel." + size, HINT_HALF);
        }
    }

    @Test
    @DisplayName("OP-IMG-03 resizeBilinear with alignCorners: src = dst * (in - 1) / (out - 1)")
    void resizeAlignCorners() {
        try (TestTensors t = tensors()) {
            Tensor line = t.floats(new float[] {0, 10}, 1, 1, 2, 1);
            check("OP-IMG-03", "alignCorners resize of [0, 10] to width 4", HINT_ALIGN,
                    t.result(backend.resizeBilinear(line, 1, 4, true, false))).shape(1, 1, 4, 1)
                    .floats(0, 10 / 3f, 20 / 3f, 10);
            Tensor wide = t.floats(new float[] {0, 10, 20, 30}, 1, 1, 4, 1);
            check("OP-IMG-03", "alignCorners resize of [0, 10, 20, 30] to width 2", HINT_ALIGN,
                    t.result(backend.resizeBilinear(wide, 1, 2, true, false))).floats(0, 30);
        }
        for (String size : new String[] {"up", "down", "mixed", "toOne"}) {
            golden("OP-IMG-03", "resizeBilinear.alignCorners." + size, HINT_ALIGN);
        }
    }

    @Test
    @DisplayName("OP-IMG-04 resizeBilinear of UINT8 and INT32 images returns FLOAT32")
    void resizeIntegerImages() {
        try (TestTensors t = tensors()) {
            Tensor bytes = t.uint8(new int[] {0, 255}, 1, 1, 2, 1);
            check("OP-IMG-04", "legacy resize of UINT8 [0, 255] to width 4", "read UINT8 as unsigned, return FLOAT32",
                    t.result(backend.resizeBilinear(bytes, 1, 4, false, false))).shape(1, 1, 4, 1)
                    .floats(0, 127.5f, 255, 255);
            Tensor ints = t.ints(new int[] {-4, 4}, 1, 2, 1, 1);
            check("OP-IMG-04", "half-pixel resize of INT32 [-4, 4] to height 4", "return FLOAT32",
                    t.result(backend.resizeBilinear(ints, 4, 1, false, true))).shape(1, 4, 1, 1).floats(-4, -2, 2, 4);
        }
    }

    @Test
    @DisplayName("OP-IMG-05 cropAndResize samples each box bilinearly from its image, a 1x1 crop at the box centre")
    void cropAndResize() {
        try (TestTensors t = tensors()) {
            Tensor image = t.floats(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 3, 3, 1);
            float[][] whole = {{0, 0, 1, 1}};
            int[] first = {0};
            check("OP-IMG-05", "crop of the whole 3x3 image 0..8 to 3x3", HINT_CROP,
                    t.result(backend.cropAndResize(image, whole, first, 3, 3))).shape(1, 3, 3, 1)
                    .floats(0, 1, 2, 3, 4, 5, 6, 7, 8);
            check("OP-IMG-05", "crop of box [0, 0, 0.5, 0.5] to 2x2", HINT_CROP,
                    t.result(backend.cropAndResize(image, new float[][] {{0, 0, 0.5f, 0.5f}}, first, 2, 2)))
                    .shape(1, 2, 2, 1).floats(0, 1, 3, 4);
            check("OP-IMG-05", "crop of box [0.25, 0, 0.75, 1] to 2x3 (rows sampled at 0.5 and 1.5)", HINT_CROP,
                    t.result(backend.cropAndResize(image, new float[][] {{0.25f, 0, 0.75f, 1}}, first, 2, 3)))
                    .shape(1, 2, 3, 1).floats(1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f);
            check("OP-IMG-05", "1x1 crop of the whole image (its centre)", HINT_CROP,
                    t.result(backend.cropAndResize(image, whole, first, 1, 1))).shape(1, 1, 1, 1).floats(4);
            Tensor pair = t.floats(new float[] {0, 1, 2, 3, 10, 11, 12, 13}, 2, 2, 2, 1);
            check("OP-IMG-05", "crops of two images picked by boxIndices [1, 0]", HINT_CROP + "; boxIndices[i] picks "
                    + "the image of box i", t.result(backend.cropAndResize(pair, new float[][] {{0, 0, 1, 1}, {0, 0, 1, 1}},
                    new int[] {1, 0}, 2, 2))).shape(2, 2, 2, 1).floats(10, 11, 12, 13, 0, 1, 2, 3);
        }
        golden("OP-IMG-05", "cropAndResize.single", HINT_CROP);
    }

    @Test
    @DisplayName("OP-IMG-06 cropAndResize: boxes partly or wholly outside the image give 0 there; flipped boxes flip")
    void cropOutside() {
        try (TestTensors t = tensors()) {
            Tensor image = t.floats(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 3, 3, 1);
            int[] first = {0};
            check("OP-IMG-06", "crop of box [-0.5, 0, 0.5, 1] to 3x3 (first row above the image)", HINT_CROP,
                    t.result(backend.cropAndResize(image, new float[][] {{-0.5f, 0, 0.5f, 1}}, first, 3, 3)))
                    .shape(1, 3, 3, 1).floats(0, 0, 0, 0, 1, 2, 3, 4, 5);
            check("OP-IMG-06", "crop of box [0, 0.5, 1, 1.5] to 3x3 (last column right of the image)", HINT_CROP,
                    t.result(backend.cropAndResize(image, new float[][] {{0, 0.5f, 1, 1.5f}}, first, 3, 3)))
                    .floats(1, 2, 0, 4, 5, 0, 7, 8, 0);
            check("OP-IMG-06", "crop of box [1, 1, 0, 0] to 2x2 (flipped)", HINT_CROP,
                    t.result(backend.cropAndResize(image, new float[][] {{1, 1, 0, 0}}, first, 2, 2))).floats(8, 6, 2, 0);
        }
        golden("OP-IMG-06", "cropAndResize.boxes", HINT_CROP);
    }

    @Test
    @DisplayName("OP-IMG-07 rotateWithOffset matches TensorFlow.js: nearest neighbour around the centre, fill outside")
    void rotate() {
        try (TestTensors t = tensors()) {
            Tensor image = t.floats(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 3, 3, 1);
            check("OP-IMG-07", "rotation of 0 radians", HINT_ROTATE,
                    t.result(RotateWithOffset.apply(backend, image, 0f, -1f, 0.5f, 0.5f))).shape(1, 3, 3, 1)
                    .floats(0, 1, 2, 3, 4, 5, 6, 7, 8);
            // centre (1.5, 1.5); output (x, y) reads source (round(3 - y), x): row 0 falls outside, row 1 reads
            // column 2, row 2 reads column 1
            check("OP-IMG-07", "rotation of 3x3 image 0..8 by pi/2 around its centre, fill -1", HINT_ROTATE,
                    t.result(RotateWithOffset.apply(backend, image, (float) (Math.PI / 2), -1f, 0.5f, 0.5f)))
                    .dtype(DType.FLOAT32).floats(-1, -1, -1, 2, 5, 8, 1, 4, 7);
        }
        for (String name : new String[] {"rotateWithOffset.positive", "rotateWithOffset.negative"}) {
            Golden.Case c = Golden.get(name);
            float[] center = c.floats("center");
            try (TestTensors t = tensors()) {
                check("OP-IMG-07", "golden case " + name + " (TensorFlow.js)", HINT_ROTATE,
                        t.result(RotateWithOffset.apply(backend, t.golden(c.input("image")), c.number("radians"), c.number("fill"),
                                center[0], center[1]))).shape(c.expected().shape()).floats(c.expected().values());
            }
        }
    }

    private void golden(String rule, String name, String hint) {
        Golden.Case c = Golden.get(name);
        try (TestTensors t = tensors()) {
            Tensor y;
            if (name.startsWith("cropAndResize")) {
                int[] size = c.ints("cropSize");
                y = backend.cropAndResize(t.golden(c.input("image")), c.matrix("boxes"), c.ints("boxIndices"), size[0],
                        size[1]);
            } else {
                int[] size = c.ints("size");
                y = backend.resizeBilinear(t.golden(c.input("x")), size[0], size[1], c.flag("alignCorners"),
                        c.flag("halfPixelCenters"));
            }
            check(rule, "golden case " + name + " (TensorFlow.js)", hint, t.result(y))
                    .shape(c.expected().shape()).floats(c.expected().values());
        }
    }
}
