package ai.human.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.NmsResult;
import ai.human.backend.Padding;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.backend.UnaryOp;
import ai.human.tensor.DType;
import ai.human.tensor.LeakDetection;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Small hand-computed cases for the ops whose TensorFlow semantics are easy to get wrong, each run in a scope; after
 * every test both the tracker and the native ledger must be back to zero.
 */
class TfOpsTest {
    private static final float EPS = 1e-5f;

    private TfBackend backend;
    private TensorScope scope;

    @BeforeEach
    void open() {
        backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
        scope = backend.scope();
    }

    @AfterEach
    void nothingLeftBehind() {
        scope.close();
        assertThat(backend.memory().tensors()).as("tracked tensors after the scope").isZero();
        assertThat(backend.engineLiveHandles()).as("native handles after the scope").isZero();
        backend.close();
    }

    private Tensor floats(Shape shape, float... values) {
        return backend.fromFloats(values, shape);
    }

    private Tensor ints(Shape shape, int... values) {
        return backend.fromInts(values, shape);
    }

    private static float[] range(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    // ---- convolutions: TF's SAME padding puts the odd extra row/column at the bottom/right -------------------------

    @Test
    void conv2dSameWithStrideTwoPadsOnlyBottomAndRight() {
        Tensor image = floats(Shape.of(1, 4, 4, 1), range(16));
        Tensor ones = floats(Shape.of(3, 3, 1, 1), 1, 1, 1, 1, 1, 1, 1, 1, 1);

        Tensor out = backend.conv2d(image, ones, ConvSpec.of(2, Padding.SAME), Fused.NONE);

        // windows rows/cols {0..2}, {2..4}; index 4 is the padding
        assertThat(out.shape()).isEqualTo(Shape.of(1, 2, 2, 1));
        assertThat(out.toFloats()).containsExactly(54, 45, 72, 54);
    }

    @Test
    void conv2dAppliesBiasThenActivation() {
        Tensor image = floats(Shape.of(1, 3, 3, 1), range(9));
        Tensor kernel = floats(Shape.of(2, 2, 1, 2), 1, -1, 0, 0, 0, 0, 1, -1);
        Tensor bias = floats(Shape.of(2), -10, 20);

        Tensor relu6 = backend.conv2d(image, kernel, ConvSpec.of(1, Padding.VALID), Fused.of(bias, Activation.RELU6));
        Tensor prelu = backend.conv2d(image, kernel, ConvSpec.of(1, Padding.VALID),
                Fused.prelu(bias, floats(Shape.of(2), 0.5f, 0.1f)));

        // channel 0: x[i,j] + x[i+1,j+1] - 10 = {-4, -2, 2, 4}; channel 1: 20 - (same sum) = {14, 12, 8, 6}
        assertThat(relu6.toFloats()).containsExactly(0, 6, 0, 6, 2, 6, 4, 6);
        assertThat(prelu.toFloats()).containsExactly(-2, 14, -1, 12, 2, 8, 4, 6);
    }

    @Test
    void depthwiseConv2dFiltersEachChannelOnItsOwn() {
        float[] pixels = new float[18];
        for (int i = 0; i < 9; i++) {
            pixels[2 * i] = i + 1;
            pixels[2 * i + 1] = 10 * (i + 1);
        }
        Tensor image = floats(Shape.of(1, 3, 3, 2), pixels);
        // channel 0 sums its 2x2 window, channel 1 takes top-left minus bottom-right
        Tensor filter = floats(Shape.of(2, 2, 2, 1), 1, 1, 1, 0, 1, 0, 1, -1);

        Tensor out = backend.depthwiseConv2d(image, filter, ConvSpec.of(1, Padding.VALID),
                Fused.of(floats(Shape.of(2), 1, 100), Activation.RELU));

        assertThat(out.shape()).isEqualTo(Shape.of(1, 2, 2, 2));
        assertThat(out.toFloats()).containsExactly(13, 60, 17, 60, 25, 60, 29, 60);
    }

    @Test
    void depthwiseSameWithStrideTwoMatchesConv2dOnOneChannel() {
        Tensor image = floats(Shape.of(1, 4, 4, 1), range(16));
        Tensor ones = floats(Shape.of(3, 3, 1, 1), 1, 1, 1, 1, 1, 1, 1, 1, 1);

        Tensor out = backend.depthwiseConv2d(image, ones, ConvSpec.of(2, Padding.SAME), Fused.NONE);

        assertThat(out.toFloats()).containsExactly(54, 45, 72, 54);
    }

    @Test
    void matMulHonoursTranspositionsAndTheFusedTail() {
        Tensor a = floats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor aT = floats(Shape.of(3, 2), 1, 4, 2, 5, 3, 6);
        Tensor b = floats(Shape.of(3, 2), 1, 0, 0, 1, 1, 1);
        Tensor bT = floats(Shape.of(2, 3), 1, 0, 1, 0, 1, 1);
        Fused tail = Fused.prelu(floats(Shape.of(2), -5, -5), floats(Shape.of(2), 0.5f, 2));

        assertThat(backend.matMul(a, b, false, false, Fused.NONE).toFloats()).containsExactly(4, 5, 10, 11);
        assertThat(backend.matMul(aT, b, true, false, Fused.NONE).toFloats()).containsExactly(4, 5, 10, 11);
        assertThat(backend.matMul(a, bT, false, true, Fused.NONE).toFloats()).containsExactly(4, 5, 10, 11);
        assertThat(backend.matMul(a, b, false, false, tail).toFloats()).containsExactly(-0.5f, 0, 5, 6);
    }

    @Test
    void maxPoolSameCoversTheRaggedEdge() {
        Tensor image = floats(Shape.of(1, 3, 3, 1), range(9));

        Tensor out = backend.maxPool(image, 2, 2, ConvSpec.of(2, Padding.SAME));

        assertThat(out.toFloats()).containsExactly(5, 6, 8, 9);
    }

    // ---- element-wise ------------------------------------------------------------------------------------------

    @Test
    void integerDivisionTruncatesWhileFloorOpsRoundDown() {
        Tensor a = ints(Shape.of(2), -7, 7);
        Tensor b = ints(Shape.of(2), 2, -2);

        assertThat(backend.binary(BinaryOp.DIV, a, b).toInts()).containsExactly(-3, -3);
        assertThat(backend.binary(BinaryOp.FLOOR_DIV, a, b).toInts()).containsExactly(-4, -4);
        assertThat(backend.binary(BinaryOp.FLOOR_MOD, a, b).toInts()).containsExactly(1, -1);
        Tensor f = floats(Shape.of(2), -7.5f, 7.5f);
        assertThat(backend.binary(BinaryOp.FLOOR_MOD, f, floats(Shape.of(), 2)).toFloats())
                .containsExactly(0.5f, 1.5f);
    }

    @Test
    void binaryOpsBroadcastAndComparisonsGiveBool() {
        Tensor column = floats(Shape.of(2, 1), 1, 2);
        Tensor row = floats(Shape.of(3), 1, 2, 3);

        Tensor sum = backend.binary(BinaryOp.ADD, column, row);
        Tensor greater = backend.binary(BinaryOp.GREATER, column, row);

        assertThat(sum.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(sum.toFloats()).containsExactly(2, 3, 4, 3, 4, 5);
        assertThat(greater.dtype()).isEqualTo(DType.BOOL);
        assertThat(greater.toBytes()).containsExactly(0, 0, 0, 1, 0, 0);
    }

    @Test
    void uint8ArithmeticWrapsLikeTensorFlow() {
        Tensor a = backend.fromBytes(new byte[] {(byte) 250, 3}, Shape.of(2), DType.UINT8);
        Tensor b = backend.fromBytes(new byte[] {10, 20}, Shape.of(2), DType.UINT8);

        assertThat(backend.binary(BinaryOp.ADD, a, b).toInts()).containsExactly(4, 23);
        assertThat(backend.binary(BinaryOp.SQUARED_DIFFERENCE, a, b).toInts())
                .containsExactly((240 * 240) & 0xff, (17 * 17) & 0xff);
        assertThat(backend.binary(BinaryOp.MAXIMUM, a, b).toInts()).containsExactly(250, 20);
    }

    @Test
    void boolTensorsCombineAndSelect() {
        Tensor p = backend.fromBytes(new byte[] {1, 1, 0, 0}, Shape.of(4), DType.BOOL);
        Tensor q = backend.fromBytes(new byte[] {1, 0, 1, 0}, Shape.of(4), DType.BOOL);

        Tensor both = backend.binary(BinaryOp.LOGICAL_AND, p, q);
        Tensor same = backend.binary(BinaryOp.EQUAL, p, q);
        Tensor picked = backend.select(both, ints(Shape.of(4), 1, 2, 3, 4), ints(Shape.of(), -1));

        assertThat(both.toBytes()).containsExactly(1, 0, 0, 0);
        assertThat(same.toBytes()).containsExactly(1, 0, 0, 1);
        assertThat(picked.toInts()).containsExactly(1, -1, -1, -1);
    }

    @Test
    void unaryOpsSoftmaxAndPrelu() {
        Tensor x = floats(Shape.of(4), -1, 0, 4, 7);

        assertThat(backend.unary(UnaryOp.RELU, x).toFloats()).containsExactly(0, 0, 4, 7);
        assertThat(backend.unary(UnaryOp.RELU6, x).toFloats()).containsExactly(0, 0, 4, 6);
        assertThat(backend.unary(UnaryOp.SIGMOID, x).toFloats()[1]).isEqualTo(0.5f);
        assertThat(backend.unary(UnaryOp.EXP, x).toFloats()[1]).isEqualTo(1f);
        assertThat(backend.unary(UnaryOp.SQRT, x).toFloats()[2]).isEqualTo(2f);
        assertThat(backend.unary(UnaryOp.RECIPROCAL, x).toFloats()[2]).isEqualTo(0.25f);
        assertThat(backend.softmax(floats(Shape.of(1, 2), 0, (float) Math.log(3))).toFloats())
                .containsExactly(new float[] {0.25f, 0.75f}, within(EPS));
        assertThat(backend.prelu(x, floats(Shape.of(), 0.5f)).toFloats()).containsExactly(-0.5f, 0, 4, 7);
    }

    @Test
    void castTruncatesTowardZeroAndTestsForBool() {
        Tensor x = floats(Shape.of(4), -1.7f, -0.2f, 0f, 2.9f);

        assertThat(backend.cast(x, DType.INT32).toInts()).containsExactly(-1, 0, 0, 2);
        assertThat(backend.cast(x, DType.BOOL).toBytes()).containsExactly(1, 1, 0, 1);
        assertThat(backend.cast(ints(Shape.of(2), 300, 255), DType.UINT8).toInts()).containsExactly(44, 255);
        assertThat(backend.cast(backend.fromBytes(new byte[] {(byte) 200}, Shape.of(1), DType.UINT8), DType.FLOAT32)
                .toFloats()).containsExactly(200f);
    }

    // ---- reductions, arg-max, top-k: int32 indices ------------------------------------------------------------------

    @Test
    void reductionsOverAxesWithAndWithoutKeepDims() {
        Tensor x = floats(Shape.of(2, 2), 1, 2, 3, 4);

        assertThat(backend.reduce(ReduceOp.MEAN, x, new int[] {0}, false).toFloats()).containsExactly(2, 3);
        Tensor rowSums = backend.reduce(ReduceOp.SUM, x, new int[] {-1}, true);
        assertThat(rowSums.shape()).isEqualTo(Shape.of(2, 1));
        assertThat(rowSums.toFloats()).containsExactly(3, 7);
        Tensor max = backend.reduce(ReduceOp.MAX, x, new int[] {0, 1}, false);
        assertThat(max.shape()).isEqualTo(Shape.scalar());
        assertThat(max.toFloat()).isEqualTo(4f);
        assertThat(backend.reduce(ReduceOp.MEAN, ints(Shape.of(1, 2), 1, 2), new int[] {1}, false).toInts())
                .as("int32 mean truncates").containsExactly(1);
    }

    @Test
    void argMaxAndTopKGiveInt32IndicesLowestFirstOnTies() {
        Tensor x = floats(Shape.of(2, 4), 3, 1, 3, 2, 0, 5, 5, 5);

        Tensor argMax = backend.argMax(x, 1);
        TopK top = backend.topK(x, 2, true);

        assertThat(argMax.dtype()).isEqualTo(DType.INT32);
        assertThat(argMax.toInts()).containsExactly(0, 1);
        assertThat(top.indices().dtype()).isEqualTo(DType.INT32);
        assertThat(top.values().toFloats()).containsExactly(3, 3, 5, 5);
        assertThat(top.indices().toInts()).containsExactly(0, 2, 1, 2);
        assertThat(backend.topK(x, 2, false).indices().toInts()).containsExactly(0, 2, 1, 2);
    }

    // ---- shapes and indexing ----------------------------------------------------------------------------------------

    @Test
    void layoutOpsMoveElementsAsTensorFlowDoes() {
        Tensor x = floats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);

        assertThat(backend.transpose(x, new int[] {1, 0}).toFloats()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(backend.reverse(x, new int[] {0, 1}).toFloats()).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(backend.slice(x, new int[] {0, 1}, new int[] {-1, 2}).toFloats()).containsExactly(2, 3, 5, 6);
        Tensor joined = backend.concat(List.of(floats(Shape.of(2, 1), 9, 8), x), 1);
        assertThat(joined.toFloats()).containsExactly(9, 1, 2, 3, 8, 4, 5, 6);
        Tensor copy = backend.concat(List.of(x), 0);
        assertThat(copy).isNotSameAs(x);
        assertThat(copy.toFloats()).containsExactly(1, 2, 3, 4, 5, 6);
        Tensor padded = backend.pad(ints(Shape.of(2), 1, 2), new int[][] {{1, 2}}, 7f);
        assertThat(padded.toInts()).containsExactly(7, 1, 2, 7, 7);
    }

    @Test
    void stridedSliceStepsForwardAndBackward() {
        Tensor x = floats(Shape.of(10), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertThat(backend.stridedSlice(x, new int[] {1}, new int[] {8}, new int[] {3}).toFloats())
                .containsExactly(1, 4, 7);
        assertThat(backend.stridedSlice(x, new int[] {8}, new int[] {1}, new int[] {-3}).toFloats())
                .containsExactly(8, 5, 2);
    }

    @Test
    void gatherAndGatherNdPickByInt32Indices() {
        Tensor x = floats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);

        Tensor columns = backend.gather(x, ints(Shape.of(2), 2, 0), 1);
        Tensor points = backend.gatherNd(x, ints(Shape.of(2, 2), 1, 2, 0, 1));

        assertThat(columns.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(columns.toFloats()).containsExactly(3, 1, 6, 4);
        assertThat(points.toFloats()).containsExactly(6, 2);
    }

    // ---- images ------------------------------------------------------------------------------------------------------

    @Test
    void resizeBilinearInLegacyHalfPixelAndAlignCornersModes() {
        // f(y, x) = 2y + x is linear, so every mode reproduces it at its (clamped) source coordinates
        Tensor image = backend.fromBytes(new byte[] {0, 1, 2, 3}, Shape.of(1, 2, 2, 1), DType.UINT8);

        Tensor legacy = backend.resizeBilinear(image, 4, 4, false, false);
        Tensor halfPixel = backend.resizeBilinear(image, 4, 4, false, true);
        Tensor corners = backend.resizeBilinear(image, 4, 4, true, false);

        assertThat(legacy.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(legacy.toFloats()).containsExactly(expected2yPlusX(new float[] {0, 0.5f, 1, 1}), within(EPS));
        assertThat(halfPixel.toFloats()).containsExactly(expected2yPlusX(new float[] {0, 0.25f, 0.75f, 1}),
                within(EPS));
        assertThat(corners.toFloats()).containsExactly(expected2yPlusX(new float[] {0, 1 / 3f, 2 / 3f, 1}),
                within(EPS));
    }

    private static float[] expected2yPlusX(float[] source) {
        float[] out = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                out[y * 4 + x] = 2 * source[y] + source[x];
            }
        }
        return out;
    }

    @Test
    void cropAndResizeSamplesCornersCentresAndExtrapolatesZero() {
        float[] pixels = new float[18];
        for (int i = 0; i < 9; i++) {
            pixels[i] = i;            // image 0: 3y + x
            pixels[9 + i] = 100 + i;  // image 1
        }
        Tensor images = floats(Shape.of(2, 3, 3, 1), pixels);

        Tensor whole = backend.cropAndResize(images, new float[][] {{0, 0, 1, 1}}, new int[] {1}, 3, 3);
        Tensor quarter = backend.cropAndResize(images, new float[][] {{0, 0, 0.5f, 0.5f}}, new int[] {0}, 2, 2);
        Tensor outside = backend.cropAndResize(images, new float[][] {{1, 1, 2, 2}}, new int[] {0}, 2, 2);
        Tensor centre = backend.cropAndResize(images, new float[][] {{0, 0, 1, 1}}, new int[] {0}, 1, 1);
        Tensor none = backend.cropAndResize(images, new float[0][], new int[0], 2, 2);

        assertThat(whole.shape()).isEqualTo(Shape.of(1, 3, 3, 1));
        assertThat(whole.toFloats()).containsExactly(100, 101, 102, 103, 104, 105, 106, 107, 108);
        assertThat(quarter.toFloats()).containsExactly(0, 1, 3, 4);
        assertThat(outside.toFloats()).containsExactly(8, 0, 0, 0);
        assertThat(centre.toFloats()).containsExactly(4);
        assertThat(none.shape()).isEqualTo(Shape.of(0, 2, 2, 1));
    }

    @Test
    void rotateWithOffsetTurnsHalfWayAroundTheCentrePixel() {
        Tensor image = ints(Shape.of(1, 3, 3, 1), 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Tensor turned = backend.rotateWithOffset(image, (float) Math.PI, -1f, 1 / 3f, 1 / 3f);
        Tensor quarter = backend.rotateWithOffset(image, (float) (Math.PI / 2), -1f, 0f, 0f);

        assertThat(turned.dtype()).isEqualTo(DType.INT32);
        assertThat(turned.toInts()).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        // around the top-left corner, output (row, col) reads input (y, x) = (col, -row): only row 0 is inside
        assertThat(quarter.toInts()).containsExactly(1, 4, 7, -1, -1, -1, -1, -1, -1);
    }

    @Test
    void splitCutsAlongAnAxis() {
        Tensor x = floats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);

        List<Tensor> parts = backend.split(x, 1, new int[] {1, 2});

        assertThat(parts.get(0).toFloats()).containsExactly(1, 4);
        assertThat(parts.get(1).shape()).isEqualTo(Shape.of(2, 2));
        assertThat(parts.get(1).toFloats()).containsExactly(2, 3, 5, 6);
    }

    // ---- non-maximum suppression ------------------------------------------------------------------------------------

    private Tensor nmsBoxes() {
        return floats(Shape.of(5, 4),
                0, 0, 1, 1,        // 0
                0, 0, 1, 1,        // 1: same box as 0, same score
                0, 0.5f, 1, 1.5f,  // 2: IoU with 0 is 1/3
                5, 5, 6, 6,        // 3: apart
                10, 10, 11, 11);   // 4: apart
    }

    private Tensor nmsScores() {
        return floats(Shape.of(5), 0.8f, 0.8f, 0.7f, 0.3f, 0.2f);
    }

    @Test
    void nmsKeepsTheLowerIndexOnTiesAndSuppressesAboveTheIouThreshold() {
        NmsResult result = backend.nonMaxSuppression(nmsBoxes(), nmsScores(), 10, 0.5f, 0.25f, 0f);

        assertThat(result.selectedIndices().dtype()).isEqualTo(DType.INT32);
        assertThat(result.selectedIndices().toInts()).containsExactly(0, 2, 3);
        assertThat(result.selectedScores().toFloats()).containsExactly(0.8f, 0.7f, 0.3f);
    }

    @Test
    void nmsThresholdsAreStrictAndMaxOutputCaps() {
        assertThat(backend.nonMaxSuppression(nmsBoxes(), nmsScores(), 10, 0.3f, 0.25f, 0f)
                .selectedIndices().toInts()).as("IoU 1/3 > 0.3 suppresses box 2").containsExactly(0, 3);
        assertThat(backend.nonMaxSuppression(nmsBoxes(), nmsScores(), 10, 0.5f, 0.3f, 0f)
                .selectedIndices().toInts()).as("a score equal to the threshold is dropped").containsExactly(0, 2);
        assertThat(backend.nonMaxSuppression(nmsBoxes(), nmsScores(), 2, 0.5f, 0f, 0f)
                .selectedIndices().toInts()).containsExactly(0, 2);
        NmsResult none = backend.nonMaxSuppression(floats(Shape.of(0, 4)), floats(Shape.of(0)), 5, 0.5f, 0f, 0f);
        assertThat(none.selectedIndices().shape()).isEqualTo(Shape.of(0));
    }

    @Test
    void softNmsDecaysOverlappingScores() {
        NmsResult result = backend.nonMaxSuppression(nmsBoxes(), nmsScores(), 10, 1f, 0f, 0.5f);

        float decayOnce = (float) Math.exp(-1.0 / 9);  // exp(-0.5 * (1/3)^2 / 0.5)
        assertThat(result.selectedIndices().toInts()).containsExactly(0, 2, 3, 1, 4);
        assertThat(result.selectedScores().toFloats()).containsExactly(new float[] {
            0.8f, 0.7f * decayOnce, 0.3f, 0.8f * (float) Math.exp(-1) * decayOnce, 0.2f}, within(EPS));
    }

    // ---- empty tensors pass through ops ----------------------------------------------------------------------------

    @Test
    void emptyTensorsFlowThroughOps() {
        Tensor empty = floats(Shape.of(0, 3));

        assertThat(backend.binary(BinaryOp.ADD, empty, floats(Shape.of(3), 1, 2, 3)).shape())
                .isEqualTo(Shape.of(0, 3));
        assertThat(backend.reshape(empty, Shape.of(3, 0)).shape()).isEqualTo(Shape.of(3, 0));
        assertThat(backend.concat(List.of(empty, floats(Shape.of(1, 3), 1, 2, 3)), 0).toFloats())
                .containsExactly(1, 2, 3);
        assertThat(backend.reduce(ReduceOp.SUM, empty, new int[] {0}, false).toFloats()).containsExactly(0, 0, 0);
        assertThat(backend.gather(floats(Shape.of(2), 1, 2), ints(Shape.of(0)), 0).shape()).isEqualTo(Shape.of(0));
    }
}
