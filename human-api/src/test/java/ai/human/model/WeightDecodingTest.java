package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.Fixtures.Bin;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dtype and quantisation, from {@code all-dtypes.json}: two groups, the first split over two shards. */
class WeightDecodingTest {
    @TempDir
    Path dir;

    private GraphModelDef model;
    private JsonNode manifest;

    @BeforeEach
    void writeModel() {
        byte[] group1 = new Bin()
                .f32(1.5f, -2.25f, 3.0e-7f, Float.MAX_VALUE)
                .i32(0, -1, Integer.MAX_VALUE)
                .u8(0, 1, 1, 0)
                .u8(0, 255)
                .bytes();
        // split mid-value: shards are concatenated before decoding
        Fixtures.write(dir, "all-dtypes.group1-shard1of2.bin", Arrays.copyOfRange(group1, 0, 19));
        Fixtures.write(dir, "all-dtypes.group1-shard2of2.bin", Arrays.copyOfRange(group1, 19, group1.length));
        Fixtures.write(dir, "all-dtypes.group2-shard1of1.bin", new Bin()
                .u16(0x3C00, 0xC000, 0x0001, 0x7C00, 0x7E00)
                .u8(0, 50, 65, 255)
                .u8(0, 1, 3)
                .u16(0, 65535)
                .f32(42f)
                .bytes());
        Path json = Fixtures.write(dir, "all-dtypes.json", Fixtures.json("all-dtypes.json"));
        manifest = Fixtures.json("all-dtypes.json").get("weightsManifest");
        model = new ModelLoader(dir.resolve("cache")).load("file:" + json);
    }

    @Test
    void float32Int32BoolAndUint8WeightsReadAsWritten() {
        assertThat(weight("f32").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(weight("f32").shape()).isEqualTo(Shape.of(2, 2));
        assertThat(weight("f32").floats()).containsExactly(1.5f, -2.25f, 3.0e-7f, Float.MAX_VALUE);
        assertThat(weight("i32").ints()).containsExactly(0, -1, Integer.MAX_VALUE);
        assertThat(weight("flags").dtype()).isEqualTo(DType.BOOL);
        assertThat(weight("flags").bytes()).containsExactly(0, 1, 1, 0);
        assertThat(weight("bytes").dtype()).isEqualTo(DType.UINT8);
        assertThat(weight("bytes").bytes()).containsExactly(0, 255);
    }

    @Test
    void float16WeightsBecomeFloat32() {
        WeightData half = weight("half");
        assertThat(half.dtype()).isEqualTo(DType.FLOAT32);
        float[] v = half.floats();
        assertThat(Arrays.copyOf(v, 4)).containsExactly(1f, -2f, 0x1p-24f, Float.POSITIVE_INFINITY);
        assertThat(v[4]).isNaN();
    }

    @Test
    void uint8QuantisedFloatsAreMinPlusQTimesScaleInDoubleRoundedOnce() {
        JsonNode q = quantization("q8");
        double scale = q.get("scale").asDouble();
        double min = q.get("min").asDouble();
        int[] quantised = {0, 50, 65, 255};
        float[] expected = new float[4];
        boolean floatArithmeticDiffers = false;
        for (int k = 0; k < 4; k++) {
            expected[k] = (float) (quantised[k] * scale + min);
            floatArithmeticDiffers |= expected[k] != quantised[k] * (float) scale + (float) min;
        }
        assertThat(weight("q8").floats()).containsExactly(expected);
        // the fixture's scale and min are chosen so that float32 arithmetic would round differently
        assertThat(floatArithmeticDiffers).isTrue();
    }

    @Test
    void uint8QuantisedIntsRoundHalfUpLikeJavaScript() {
        // min -3, scale 2.5: q=0 -> -3, q=1 -> -0.5 -> 0 (Math.round rounds half up), q=3 -> 4.5 -> 5
        assertThat(weight("q8int").dtype()).isEqualTo(DType.INT32);
        assertThat(weight("q8int").ints()).containsExactly(-3, 0, 5);
    }

    @Test
    void uint16QuantisedFloatsUseTwoBytesPerValue() {
        JsonNode q = quantization("q16");
        double scale = q.get("scale").asDouble();
        double min = q.get("min").asDouble();
        assertThat(weight("q16").floats()).containsExactly((float) min, (float) (65535 * scale + min));
    }

    @Test
    void scalarWeightHasOneValue() {
        assertThat(weight("scalar").shape()).isEqualTo(Shape.scalar());
        assertThat(weight("scalar").elementCount()).isEqualTo(1);
        assertThat(weight("scalar").floats()).containsExactly(42f);
    }

    @Test
    void byteTotalsCountStoredAndDecodedSizes() {
        long stored = 0;
        long decoded = 0;
        for (JsonNode group : manifest) {
            for (JsonNode w : group.get("weights")) {
                long count = 1;
                for (JsonNode d : w.get("shape")) {
                    count *= d.asLong();
                }
                String dtype = w.get("dtype").asText();
                String storedAs = w.has("quantization") ? w.get("quantization").get("dtype").asText() : dtype;
                stored += count * switch (storedAs) {
                    case "float32", "int32" -> 4;
                    case "float16", "uint16" -> 2;
                    default -> 1;
                };
                decoded += count * (dtype.equals("float32") || dtype.equals("int32") ? 4 : 1);
            }
        }
        assertThat(model.storedWeightBytes()).isEqualTo(stored).isEqualTo(34 + 25);
        assertThat(model.weightBytes()).isEqualTo(decoded);
        assertThat(model.weights().keySet()).containsExactly("f32", "i32", "flags", "bytes", "half", "q8", "q8int",
                "q16", "scalar");
    }

    @Test
    void signatureUnderUserDefinedMetadataIsRead() {
        assertThat(model.inputs()).containsExactly(new TensorSpec("x:0", "x:0", "x", 0, DType.FLOAT32, new int[] {1}));
        assertThat(model.outputs()).extracting(TensorSpec::node).containsExactly("out");
    }

    @Test
    void readingValuesOfAnotherDtypeIsRefused() {
        assertThatThrownBy(() -> weight("i32").floats()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'i32' is INT32, not FLOAT32");
        assertThatThrownBy(() -> weight("f32").bytes()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void weightValuesCannotBeChangedThroughAccessors() {
        weight("f32").floats()[0] = 99f;
        assertThat(weight("f32").floatBuffer().get(0)).isEqualTo(1.5f);
        assertThat(weight("f32").floatBuffer().isReadOnly()).isTrue();
    }

    private WeightData weight(String name) {
        return model.weights().get(name);
    }

    private JsonNode quantization(String weight) {
        for (JsonNode group : manifest) {
            for (JsonNode w : group.get("weights")) {
                if (w.get("name").asText().equals(weight)) {
                    return w.get("quantization");
                }
            }
        }
        throw new IllegalArgumentException(weight);
    }
}
