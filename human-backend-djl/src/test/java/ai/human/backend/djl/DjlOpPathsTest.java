package ai.human.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.TopK;
import ai.human.backend.WeightUse;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DJL backend's own code paths, beyond the compatibility kit's small cases: filters laid out for PyTorch, the
 * 1x1-as-matrix-product path, chunked tensor creation, topK's order among ties and NaN, integer division, and the
 * gather-based resize and crop-and-resize on larger random images, each against plain-loop TensorFlow semantics.
 */
class DjlOpPathsTest {
    private static final float TOLERANCE = 1e-4f;
    private static DjlBackend backend;
    private TensorScope scope;

    @BeforeAll
    static void start() {
        backend = new DjlBackend(BackendOptions.defaults());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void openScope() {
        scope = backend.scope();
    }

    @AfterEach
    void closeScopeAndCheckNothingIsLeft() {
        scope.close();
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.engineLiveArrays()).isZero();
    }

    @Test
    void convFilterIsHeldAsOihwButReadsAndReportsAsHwio() {
        float[] hwio = random(3 * 3 * 2 * 4, 1);
        Tensor filter = backend.weight(hwio, Shape.of(3, 3, 2, 4), WeightUse.CONV2D_FILTER);

        assertThat(filter.shape()).isEqualTo(Shape.of(3, 3, 2, 4));
        assertThat(filter.unwrap(NDArray.class).getShape().getShape()).containsExactly(4, 2, 3, 3);
        assertThat(filter.toFloats()).containsExactly(hwio);
        NDArray oihw = filter.unwrap(NDArray.class);
        // element [o=3][i=1][y=2][x=0] of PyTorch's layout is HWIO element [2][0][1][3]
        assertThat(oihw.toFloatArray()[((3 * 2 + 1) * 3 + 2) * 3]).isEqualTo(hwio[((2 * 3) * 2 + 1) * 4 + 3]);
    }

    @Test
    void depthwiseFilterIsHeldAsChannelMultiplierRowsButReadsAsTensorFlows() {
        float[] hwcm = random(3 * 3 * 3 * 2, 2);
        Tensor filter = backend.weight(hwcm, Shape.of(3, 3, 3, 2), WeightUse.DEPTHWISE_FILTER);

        assertThat(filter.unwrap(NDArray.class).getShape().getShape()).containsExactly(6, 1, 3, 3);
        assertThat(filter.toFloats()).containsExactly(hwcm);
        Tensor doubled = backend.binary(BinaryOp.ADD, filter, filter);
        assertThat(doubled.shape()).isEqualTo(Shape.of(3, 3, 3, 2));
        assertThat(doubled.toFloats()[7]).isEqualTo(2 * hwcm[7]);
    }

    @Test
    void strideTwoSameConvGivesTheSameWithALaidOutOrAPlainFilterAndMatchesTensorFlow() {
        int n = 2;
        int h = 8;
        int w = 7;
        int c = 3;
        int out = 5;
        float[] x = random(n * h * w * c, 3);
        float[] f = random(3 * 3 * c * out, 4);
        Tensor input = backend.fromFloats(x, Shape.of(n, h, w, c));
        Tensor laidOut = backend.weight(f, Shape.of(3, 3, c, out), WeightUse.CONV2D_FILTER);
        Tensor plain = backend.fromFloats(f, Shape.of(3, 3, c, out));
        float[] expected = TfReference.conv(x, n, h, w, c, f, 3, 3, out, 2, true, false);

        Tensor a = backend.conv2d(input, laidOut, ConvSpec.of(2, Padding.SAME), Fused.NONE);
        Tensor b = backend.conv2d(input, plain, ConvSpec.of(2, Padding.SAME), Fused.NONE);

        assertThat(a.shape()).isEqualTo(Shape.of(n, 4, 4, out));
        assertClose(a.toFloats(), expected);
        assertClose(b.toFloats(), expected);
    }

    @Test
    void pointwiseConvRunsAsAMatrixProductWithTheSameResult() {
        int n = 1;
        int h = 6;
        int w = 5;
        int c = 8;
        int out = 16;
        float[] x = random(n * h * w * c, 5);
        float[] f = random(c * out, 6);
        float[] bias = random(out, 7);
        Tensor input = backend.fromFloats(x, Shape.of(n, h, w, c));
        Tensor filter = backend.weight(f, Shape.of(1, 1, c, out), WeightUse.CONV2D_FILTER);
        float[] expected = TfReference.conv(x, n, h, w, c, f, 1, 1, out, 1, true, false);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += bias[i % out];
        }

        Tensor y = backend.conv2d(input, filter, ConvSpec.of(1, Padding.VALID),
                Fused.bias(backend.fromFloats(bias, Shape.of(out))));

        assertThat(y.shape()).isEqualTo(Shape.of(n, h, w, out));
        assertClose(y.toFloats(), expected);
    }

    @Test
    void depthwiseWithMultiplierAndAsymmetricPaddingMatchesTensorFlowForBothFilterLayouts() {
        int h = 6;
        int w = 9;
        int c = 3;
        int m = 2;
        float[] x = random(h * w * c, 8);
        float[] f = random(5 * 5 * c * m, 9);
        Tensor input = backend.fromFloats(x, Shape.of(1, h, w, c));
        float[] expected = TfReference.conv(x, 1, h, w, c, f, 5, 5, m, 2, true, true);

        Tensor laidOut = backend.depthwiseConv2d(input,
                backend.weight(f, Shape.of(5, 5, c, m), WeightUse.DEPTHWISE_FILTER), ConvSpec.of(2, Padding.SAME),
                Fused.NONE);
        Tensor plain = backend.depthwiseConv2d(input, backend.fromFloats(f, Shape.of(5, 5, c, m)),
                ConvSpec.of(2, Padding.SAME), Fused.NONE);

        assertThat(laidOut.shape()).isEqualTo(Shape.of(1, 3, 5, c * m));
        assertClose(laidOut.toFloats(), expected);
        assertClose(plain.toFloats(), expected);
    }

    @Test
    void maxPoolWithSamePaddingMatchesTensorFlowWhetherCeilModeOrExplicitPaddingIsUsed() {
        int c = 2;
        int[][] cases = {{8, 8, 3, 2}, {8, 7, 3, 2}, {7, 8, 3, 2}, {6, 6, 2, 1}, {9, 9, 3, 3}, {5, 8, 4, 2}};
        for (int[] k : cases) {
            int h = k[0];
            int w = k[1];
            int window = k[2];
            int stride = k[3];
            float[] x = random(h * w * c, 20 + h);
            for (int i = 0; i < x.length; i++) {
                x[i] -= 2; // all negative: a zero from padding would win
            }
            Tensor y = backend.maxPool(backend.fromFloats(x, Shape.of(1, h, w, c)), window, window,
                    ConvSpec.of(stride, Padding.SAME));

            assertThat(y.toFloats()).as("%dx%d, window %d, stride %d", h, w, window, stride)
                    .containsExactly(maxPoolSame(x, h, w, c, window, stride));
        }
    }

    /** TensorFlow's max pool with SAME padding (padded positions are skipped). */
    private static float[] maxPoolSame(float[] x, int h, int w, int c, int window, int stride) {
        int oh = (h + stride - 1) / stride;
        int ow = (w + stride - 1) / stride;
        int top = Math.max((oh - 1) * stride + window - h, 0) / 2;
        int left = Math.max((ow - 1) * stride + window - w, 0) / 2;
        float[] y = new float[oh * ow * c];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int ch = 0; ch < c; ch++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < window; dy++) {
                        for (int dx = 0; dx < window; dx++) {
                            int yy = i * stride + dy - top;
                            int xx = j * stride + dx - left;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                best = Math.max(best, x[(yy * w + xx) * c + ch]);
                            }
                        }
                    }
                    y[(i * ow + j) * c + ch] = best;
                }
            }
        }
        return y;
    }

    @Test
    void depthwiseWithStrideTwoOnEvenSizesMatchesTensorFlow() {
        int c = 4;
        int[][] sizes = {{8, 8}, {8, 7}, {7, 8}};
        for (int[] size : sizes) {
            float[] x = random(size[0] * size[1] * c, 30 + size[1]);
            float[] f = random(3 * 3 * c, 31);
            float[] bias = random(c, 32);
            float[] expected = TfReference.conv(x, 1, size[0], size[1], c, f, 3, 3, 1, 2, true, true);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Math.max(expected[i] + bias[i % c], 0);
            }

            Tensor y = backend.depthwiseConv2d(backend.fromFloats(x, Shape.of(1, size[0], size[1], c)),
                    backend.weight(f, Shape.of(3, 3, c, 1), WeightUse.DEPTHWISE_FILTER), ConvSpec.of(2, Padding.SAME),
                    Fused.of(backend.fromFloats(bias, Shape.of(c)), Activation.RELU));

            assertClose(y.toFloats(), expected);
        }
    }

    @Test
    void matMulWithTransposesAndBiasMatchesPlainLoops() {
        float[] a = random(3 * 4, 40);
        float[] b = random(4 * 5, 41);
        float[] bias = random(5, 42);
        float[] expected = new float[3 * 5];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                float sum = bias[j];
                for (int k = 0; k < 4; k++) {
                    sum += a[i * 4 + k] * b[k * 5 + j];
                }
                expected[i * 5 + j] = sum;
            }
        }
        float[] aT = new float[a.length];
        float[] bT = new float[b.length];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                aT[k * 3 + i] = a[i * 4 + k];
            }
        }
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 5; j++) {
                bT[j * 4 + k] = b[k * 5 + j];
            }
        }
        Tensor biasTensor = backend.fromFloats(bias, Shape.of(5));

        assertClose(backend.matMul(backend.fromFloats(a, Shape.of(3, 4)), backend.fromFloats(b, Shape.of(4, 5)), false,
                false, Fused.bias(biasTensor)).toFloats(), expected);
        assertClose(backend.matMul(backend.fromFloats(aT, Shape.of(4, 3)), backend.fromFloats(bT, Shape.of(5, 4)), true,
                true, Fused.bias(biasTensor)).toFloats(), expected);
    }

    @Test
    void tensorsLargerThanTheStagingBufferArriveWhole() {
        float[] floats = random(1_500_001, 10);
        int[] ints = IntStream.range(0, 1_200_000).map(i -> i * 7 - 3).toArray();
        byte[] bytes = new byte[5_000_003];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }

        assertThat(Arrays.equals(backend.fromFloats(floats, Shape.of(floats.length)).toFloats(), floats)).isTrue();
        assertThat(Arrays.equals(backend.fromInts(ints, Shape.of(1200, 1000)).toInts(), ints)).isTrue();
        assertThat(Arrays.equals(backend.fromBytes(bytes, Shape.of(bytes.length), DType.UINT8).toBytes(), bytes))
                .isTrue();
        assertThat(backend.engineLiveBytes()).isEqualTo(backend.memory().bytes());
    }

    @Test
    void boolBytesOtherThanZeroAndOneBecomeOne() {
        Tensor flags = backend.fromBytes(new byte[] {0, 1, 7, -1}, Shape.of(4), DType.BOOL);

        assertThat(flags.toBytes()).containsExactly(0, 1, 1, 1);
    }

    @Test
    void topKTakesTheLowestIndicesAmongEqualValuesAtTheCut() {
        Tensor x = backend.fromFloats(new float[] {5, 1, 3, 3, 3, 0, 3, 9, 9, 9, 1, 1}, Shape.of(2, 6));

        TopK two = backend.topK(x, 2, true);
        TopK three = backend.topK(x, 3, true);

        assertThat(two.values().toFloats()).containsExactly(5, 3, 9, 9);
        assertThat(two.indices().toInts()).containsExactly(0, 2, 1, 2);
        assertThat(three.indices().toInts()).containsExactly(0, 2, 3, 1, 2, 3);
    }

    @Test
    void topKOnALongRowWithManyTiesAgreesWithAStableSort() {
        int n = 200_000;
        float[] values = new float[n];
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            values[random.nextInt(n)] = 1 + random.nextInt(5);
        }
        int k = 100;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
        int[] expected = Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();

        TopK top = backend.topK(backend.fromFloats(values, Shape.of(1, n)), k, true);

        assertThat(top.indices().toInts()).containsExactly(expected);
        assertThat(top.values().shape()).isEqualTo(Shape.of(1, k));
    }

    @Test
    void topKOfSeveralRowsAgreesWithAStableSortPerRow() {
        int rows = 3;
        int n = 5000;
        float[] values = new float[rows * n];
        Random random = new Random(12);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(40) / 4f;
        }
        int k = 37;
        int[] expected = new int[rows * k];
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[base + i]));
            for (int j = 0; j < k; j++) {
                expected[r * k + j] = order[j];
            }
        }

        TopK top = backend.topK(backend.fromFloats(values, Shape.of(rows, n)), k, true);

        assertThat(top.indices().toInts()).containsExactly(expected);
        float[] got = top.values().toFloats();
        for (int j = 0; j < got.length; j++) {
            assertThat(got[j]).isEqualTo(values[(j / k) * n + expected[j]]);
        }
    }

    @Test
    void preluTakesEitherPathForSlopesInsideAndOutsideZeroToOne() {
        float[] x = {-2, -0.5f, 0, 1.5f, -3, 4};
        float[][] slopes = {{0.25f, 1}, {-0.5f, 2}, {0, 1.5f}};
        Tensor input = backend.fromFloats(x, Shape.of(3, 2));
        for (float[] slope : slopes) {
            Tensor alpha = backend.fromFloats(slope, Shape.of(2));
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = x[i] < 0 ? slope[i % 2] * x[i] : x[i];
            }

            for (int round = 0; round < 2; round++) { // the second call uses the remembered slope range
                float[] actual = backend.prelu(input, alpha).toFloats();
                for (int i = 0; i < x.length; i++) {
                    // equal as numbers: a zero slope may give +0 where TensorFlow gives -0
                    assertThat(actual[i]).as("slopes %s, element %d", Arrays.toString(slope), i)
                            .isCloseTo(expected[i], within(0f));
                }
            }
        }
        assertThat(backend.engineLiveArrays()).isEqualTo(backend.memory().tensors());
    }

    @Test
    void topKRanksNaNAboveEveryNumber() {
        Tensor x = backend.fromFloats(new float[] {1, Float.NaN, 3, Float.NaN}, Shape.of(4));

        TopK top = backend.topK(x, 3, true);

        assertThat(top.indices().toInts()).containsExactly(1, 3, 2);
        assertThat(top.values().toFloats()).containsExactly(Float.NaN, Float.NaN, 3);
    }

    @Test
    void topKOfInt32KeepsExactValues() {
        Tensor x = backend.fromInts(new int[] {1 << 30, (1 << 30) + 1, -5, (1 << 30) + 1}, Shape.of(4));

        TopK top = backend.topK(x, 3, true);

        assertThat(top.values().dtype()).isEqualTo(DType.INT32);
        assertThat(top.values().toInts()).containsExactly((1 << 30) + 1, (1 << 30) + 1, 1 << 30);
        assertThat(top.indices().toInts()).containsExactly(1, 3, 0);
    }

    @Test
    void integerDivisionTruncatesTowardZeroAndFloorDivisionRoundsDown() {
        Tensor a = backend.fromInts(new int[] {-7, 7, -7, 2_000_000_001, -2_000_000_001}, Shape.of(5));
        Tensor b = backend.fromInts(new int[] {2, -2, -2, 3, 7}, Shape.of(5));

        assertThat(backend.binary(BinaryOp.DIV, a, b).toInts()).containsExactly(-3, -3, 3, 666_666_667, -285_714_285);
        assertThat(backend.binary(BinaryOp.FLOOR_DIV, a, b).toInts())
                .containsExactly(-4, -4, 3, 666_666_667, -285_714_286);
        assertThat(backend.binary(BinaryOp.DIV, a, b).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void uint8ArithmeticStaysUint8() {
        Tensor a = backend.fromBytes(new byte[] {(byte) 250, 7}, Shape.of(2), DType.UINT8);
        Tensor b = backend.fromBytes(new byte[] {(byte) 100, 2}, Shape.of(2), DType.UINT8);

        Tensor quotient = backend.binary(BinaryOp.FLOOR_DIV, a, b);
        assertThat(quotient.dtype()).isEqualTo(DType.UINT8);
        assertThat(quotient.toInts()).containsExactly(2, 3);
        assertThat(backend.binary(BinaryOp.FLOOR_MOD, a, b).toInts()).containsExactly(50, 1);
    }

    @Test
    void resizeMatchesTensorFlowInAllThreeModesOnARandomBatch() {
        int n = 2;
        int h = 7;
        int w = 11;
        int c = 3;
        float[] x = random(n * h * w * c, 12);
        Tensor images = backend.fromFloats(x, Shape.of(n, h, w, c));
        int[][] sizes = {{3, 4}, {13, 5}, {7, 17}, {1, 1}, {5, 2}, {9, 2}};
        for (int[] size : sizes) {
            for (int mode = 0; mode < 3; mode++) {
                boolean align = mode == 1;
                boolean half = mode == 2;
                Tensor y = backend.resizeBilinear(images, size[0], size[1], align, half);
                assertThat(y.shape()).isEqualTo(Shape.of(n, size[0], size[1], c));
                assertClose(y.toFloats(), TfReference.resize(x, n, h, w, c, size[0], size[1], align, half));
            }
        }
    }

    @Test
    void cropAndResizeMatchesTensorFlowForBoxesOnSeveralImagesInsideAndOutside() {
        int h = 9;
        int w = 12;
        int c = 2;
        float[] x = random(3 * h * w * c, 13);
        Tensor images = backend.fromFloats(x, Shape.of(3, h, w, c));
        float[][] boxes = {{0.1f, 0.2f, 0.8f, 0.9f}, {-0.3f, 0.5f, 0.6f, 1.4f}, {0.9f, 0.9f, 0.1f, 0.05f},
            {0.25f, 0.25f, 0.75f, 0.75f}};
        int[] index = {2, 0, 1, 2};

        Tensor crops = backend.cropAndResize(images, boxes, index, 5, 4);
        Tensor single = backend.cropAndResize(images, boxes, index, 1, 1);

        assertThat(crops.shape()).isEqualTo(Shape.of(4, 5, 4, c));
        assertClose(crops.toFloats(), TfReference.cropAndResize(x, h, w, c, boxes, index, 5, 4));
        assertClose(single.toFloats(), TfReference.cropAndResize(x, h, w, c, boxes, index, 1, 1));
    }

    @Test
    void emptyTensorsGoThroughIndexingReductionAndImageOps() {
        Tensor x = backend.fromFloats(random(2 * 3, 14), Shape.of(2, 3));
        Tensor none = backend.fromInts(new int[0], Shape.of(0));
        Tensor emptyBatch = backend.fromFloats(new float[0], Shape.of(0, 4, 4, 2));

        assertThat(backend.gather(x, none, 1).shape()).isEqualTo(Shape.of(2, 0));
        assertThat(backend.gatherNd(x, backend.fromInts(new int[0], Shape.of(0, 2))).shape()).isEqualTo(Shape.of(0));
        assertThat(backend.slice(x, new int[] {1, 3}, new int[] {1, 0}).shape()).isEqualTo(Shape.of(1, 0));
        assertThat(backend.stridedSlice(x, new int[] {0, 2}, new int[] {2, 2}, new int[] {1, -1}).shape())
                .isEqualTo(Shape.of(2, 0));
        assertThat(backend.reduce(ai.human.backend.ReduceOp.SUM, backend.fromFloats(new float[0], Shape.of(0, 3)),
                new int[] {0}, false).toFloats()).containsExactly(0, 0, 0);
        assertThat(backend.reduce(ai.human.backend.ReduceOp.MAX, backend.fromFloats(new float[0], Shape.of(2, 0)),
                new int[] {1}, true).toFloats()).containsExactly(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertThat(backend.topK(x, 0, true).values().shape()).isEqualTo(Shape.of(2, 0));
        assertThat(backend.resizeBilinear(emptyBatch, 3, 5, false, false).shape()).isEqualTo(Shape.of(0, 3, 5, 2));
        assertThat(backend.cropAndResize(backend.fromFloats(random(16, 15), Shape.of(1, 4, 4, 1)), new float[0][],
                new int[0], 2, 2).shape()).isEqualTo(Shape.of(0, 2, 2, 1));
        assertThat(backend.engineLiveArrays()).isEqualTo(backend.memory().tensors());
    }

    @Test
    void unwrapGivesTheNdArrayAndRefusesOtherTypes() {
        Tensor t = backend.fromFloats(new float[] {1, 2, 3}, Shape.of(3));

        assertThat(t.unwrap(NDArray.class).toFloatArray()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> t.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i)
                    .isCloseTo(expected[i], within(TOLERANCE * Math.max(1f, Math.abs(expected[i]))));
        }
    }

    private static float[] random(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
