package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.tensor.DType;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs and every attribute kind, from the {@code attrs.json} fixture's node {@code every}. */
class GraphNodeTest {
    @TempDir
    static Path dir;

    static GraphModelDef model;
    static GraphNode every;

    @BeforeAll
    static void load() {
        Path json = Fixtures.write(dir, "attrs.json", Fixtures.json("attrs.json"));
        model = new ModelLoader(dir.resolve("cache")).load("file:" + json);
        every = model.node("every").orElseThrow();
    }

    @Test
    void inputsSplitIntoDataAndControl() {
        assertThat(every.inputs()).containsExactly("x", "x:1", "^x");
        assertThat(every.dataInputs()).containsExactly("x", "x:1");
        assertThat(every.dataInputRefs()).containsExactly(new TensorRef("x", 0), new TensorRef("x", 1));
        assertThat(every.controlInputs()).containsExactly("x");
        assertThat(every.device()).isEqualTo("/device:CPU:0");
    }

    @Test
    void stringsAreBase64DecodedWithOrWithoutPadding() {
        assertThat(every.attrString("padding")).isEqualTo("SAME");
        assertThat(every.attrString("unpadded")).isEqualTo("SAME");
        assertThat(every.attr("padding").bytes()).containsExactly('S', 'A', 'M', 'E');
        assertThat(every.attrStrings("fused_ops")).containsExactly("BiasAdd", "Relu");
    }

    @Test
    void integersFromStringsAndNumbers() {
        assertThat(every.attrInt("num_split")).isEqualTo(3);
        assertThat(every.attrLong("plain_int")).isEqualTo(-7L);
        assertThat(every.attrInts("strides")).containsExactly(1, 2, 2, 1);
    }

    @Test
    void floatsIncludingNonFiniteSpellings() {
        assertThat(every.attrFloat("epsilon")).isEqualTo(0.001f);
        assertThat(every.attrFloat("not_a_number")).isNaN();
        assertThat(every.attrFloat("minus_infinity")).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(every.attrFloats("scales")).containsExactly(0.5f, Float.POSITIVE_INFINITY);
    }

    @Test
    void boolsTypesShapesTensorsAndFunctions() {
        assertThat(every.attrBool("transpose_a")).isTrue();
        assertThat(every.attr("flags").bools()).containsExactly(true, false);
        assertThat(every.attrType("T")).isEqualTo("DT_FLOAT");
        assertThat(every.attrDType("T")).isEqualTo(DType.FLOAT32);
        assertThat(every.attrType("Tnum")).isEqualTo("DT_INT32");
        assertThat(every.attr("types").types()).containsExactly("DT_FLOAT", "DT_INT32");
        assertThat(every.attrShape("shape").dims()).containsExactly(-1L, 0L, 4L);
        assertThat(every.attrShape("any_shape").unknownRank()).isTrue();
        assertThat(every.attr("shapes").shapes()).containsExactly(new AttrValue.ShapeValue(false, new long[] {2}),
                new AttrValue.ShapeValue(true, new long[0]));
        assertThat(every.attrTensor("value")).isEqualTo(new AttrValue.TensorValue("DT_INT32",
                new AttrValue.ShapeValue(false, new long[] {2, 3})));
        AttrValue.FuncValue body = every.attr("body").func();
        assertThat(body.name()).isEqualTo("while_body_1");
        assertThat(body.attrs().get("T").type()).isEqualTo("DT_FLOAT");
    }

    @Test
    void emptyListReadsAsEveryEmptyKind() {
        AttrValue empty = every.attr("explicit_paddings");
        assertThat(empty.kind()).isEqualTo(AttrValue.Kind.LIST);
        assertThat(empty.ints()).isEmpty();
        assertThat(empty.strings()).isEmpty();
        assertThat(empty.list()).isEqualTo(AttrValue.ListValue.empty());
    }

    @Test
    void rawJsonIsKeptPerAttribute() {
        assertThat(every.attr("padding").rawJson()).isEqualTo("{\"s\":\"U0FNRQ==\"}");
        assertThat(every.attr("strides").rawJson()).isEqualTo("{\"list\":{\"i\":[\"1\",\"2\",\"2\",\"1\"]}}");
    }

    @Test
    void missingAttributeNamesNodeAndAttribute() {
        assertThatThrownBy(() -> every.attrInt("dilations"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("Node 'every' (Custom) has no attribute 'dilations'");
        assertThat(every.attrInt("dilations", 1)).isEqualTo(1);
        assertThat(every.attrBool("transpose_b", false)).isFalse();
    }

    @Test
    void readingAnAttributeAsAnotherKindNamesBothKinds() {
        assertThatThrownBy(() -> every.attrInt("strides"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Node 'every' (Custom), attribute 'strides'")
                .hasMessageContaining("is of kind LIST, not I");
    }

    @Test
    void modelWithoutSignatureTakesPlaceholdersAsInputsAndUnconsumedNodesAsOutputs() {
        assertThat(model.inputs()).containsExactly(new TensorSpec("x", "x:0", "x", 0, DType.UINT8, new int[] {1, -1, -1, 3}));
        assertThat(model.outputs()).extracting(TensorSpec::name).containsExactly("every:0");
        assertThat(model.weights()).isEmpty();
    }

    @Test
    void tensorRefsParseNamesWithAndWithoutIndex() {
        assertThat(TensorRef.parse("conv/BiasAdd")).isEqualTo(new TensorRef("conv/BiasAdd", 0));
        assertThat(TensorRef.parse("split:2")).isEqualTo(new TensorRef("split", 2));
        assertThat(TensorRef.parse("^init")).isEqualTo(new TensorRef("init", 0));
        assertThat(TensorRef.parse("odd:name").tensorName()).isEqualTo("odd:name:0");
    }
}
