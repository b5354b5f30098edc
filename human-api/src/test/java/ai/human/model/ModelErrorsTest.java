package ai.human.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.Fixtures.Bin;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model can be broken ends in a {@link ModelException} naming the file and the problem. */
class ModelErrorsTest {
    @TempDir
    Path dir;

    private ModelLoader loader;
    private ObjectNode tiny;
    private String jsonLocation;
    private String binLocation;

    @BeforeEach
    void setUp() {
        loader = new ModelLoader(dir.resolve("cache"));
        Fixtures.tinyModel(dir);
        tiny = Fixtures.json("tiny.json");
        jsonLocation = "file:" + dir.resolve("tiny.json");
        binLocation = "file:" + dir.resolve("tiny.bin");
    }

    private GraphModelDef loadEdited() {
        Fixtures.write(dir, "tiny.json", tiny);
        return loader.load(jsonLocation);
    }

    private ObjectNode node(String name) {
        for (var node : tiny.get("modelTopology").get("node")) {
            if (node.get("name").asText().equals(name)) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private ObjectNode weightSpec() {
        return (ObjectNode) tiny.get("weightsManifest").get(0).get("weights").get(0);
    }

    @Test
    void missingJsonIsNamed() {
        assertThatThrownBy(() -> loader.load("file:" + dir.resolve("absent.json")))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("file:" + dir.resolve("absent.json"))
                .hasMessageContaining("file not found");
    }

    @Test
    void missingClasspathModelSuggestsTheModelsJar() {
        assertThatThrownBy(() -> loader.load(null, "no-such-model"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("classpath:/ai/human/models/no-such-model.json: not found on the classpath")
                .hasMessageContaining("ai.human:human-models");
    }

    @Test
    void missingWeightFileIsNamed() throws Exception {
        Files.delete(dir.resolve("tiny.bin"));
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(binLocation)
                .hasMessageContaining("file not found");
    }

    @Test
    void truncatedWeightFileIsNamedWithExpectedSize() {
        Fixtures.write(dir, "tiny.bin", new Bin().f32(0.5f).u8(1).bytes());
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(binLocation + ": has only 5 bytes but the manifest in " + jsonLocation + " needs 8")
                .hasMessageContaining("truncated");
    }

    @Test
    void overlongWeightFileIsRefused() {
        Fixtures.write(dir, "tiny.bin", new Bin().f32(0.5f, -1.5f, 7f).bytes());
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(binLocation + ": has 12 bytes but the manifest in " + jsonLocation + " needs 8");
    }

    @Test
    void weightWhoseShapeNeedsOtherBytesIsRefused() {
        weightSpec().putArray("shape").add(3);
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(binLocation + ": has only 8 bytes but the manifest in " + jsonLocation + " needs 12");
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), "{\n  \"format\": \"graph-model\",\n  \"modelTopology\": {\"node\": [}\n}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": is not valid JSON at line 3");
    }

    @Test
    void truncatedJsonIsMalformed() throws Exception {
        byte[] whole = Files.readAllBytes(dir.resolve("tiny.json"));
        Files.write(dir.resolve("tiny.json"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": is not valid JSON");
    }

    @Test
    void trailingGarbageAfterJsonIsMalformed() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), Fixtures.JSON.writeValueAsString(tiny) + " }", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(jsonLocation))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": is not valid JSON");
    }

    @Test
    void unknownWeightDtypeIsNamed() {
        weightSpec().put("dtype", "complex64");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ", weightsManifest group 0, weight 'bias': dtype 'complex64'");
    }

    @Test
    void unknownQuantisationIsNamed() {
        weightSpec().putObject("quantization").put("dtype", "int8").put("scale", 1.0).put("min", 0.0);
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("weight 'bias': quantisation dtype 'int8'");
    }

    @Test
    void uint8QuantisationWithoutScaleIsRefused() {
        weightSpec().putObject("quantization").put("dtype", "uint8").put("min", 0.0);
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("weight 'bias': uint8 quantisation needs numeric 'scale' and 'min'");
    }

    @Test
    void unknownAttributeKindIsNamed() {
        node("sum").withObjectProperty("attr").putObject("Tplaceholder").put("placeholder", "T");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ", node 'sum': attribute 'Tplaceholder' has kind 'placeholder'");
    }

    @Test
    void unknownListElementKindIsNamed() {
        node("sum").withObjectProperty("attr").putObject("odd").putObject("list").putArray("placeholder").add("x");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("node 'sum': attribute 'odd': list has elements of kind 'placeholder'");
    }

    @Test
    void attributeWithTwoKindsIsRefused() {
        node("sum").withObjectProperty("attr").putObject("both").put("i", "1").put("b", true);
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("node 'sum': attribute 'both'")
                .hasMessageContaining("exactly one of");
    }

    @Test
    void constNodeWithoutWeightIsNamed() {
        ((ArrayNode) tiny.get("weightsManifest").get(0).get("weights")).removeAll();
        ((ArrayNode) tiny.get("weightsManifest").get(0).get("paths")).removeAll();
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": Const node 'bias' has no weight");
    }

    @Test
    void constNodeWhoseWeightHasAnotherTypeIsRefused() {
        weightSpec().put("dtype", "int32");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": Const node 'bias' is DT_FLOAT but its weight is INT32");
    }

    @Test
    void constNodeWhoseWeightHasAnotherShapeIsRefused() {
        weightSpec().putArray("shape").add(1).add(2);
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": Const node 'bias' has shape [2] but its weight has shape [1, 2]");
    }

    @Test
    void signatureNamingAMissingNodeIsNamed() {
        ((ObjectNode) tiny.get("signature").get("outputs").get("y")).put("name", "Identity_7:0");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": signature output 'y' names tensor 'Identity_7:0'")
                .hasMessageContaining("no node 'Identity_7'");
    }

    @Test
    void signatureWithUnsupportedTypeIsNamed() {
        ((ObjectNode) tiny.get("signature").get("inputs").get("x")).put("dtype", "DT_INT64");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": signature inputs 'x' has type DT_INT64");
    }

    @Test
    void inputNamingAMissingNodeIsNamed() {
        ((ArrayNode) node("y").get("input")).removeAll().add("gone:1");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": node 'y' (Identity) takes input 'gone:1'");
    }

    @Test
    void cycleOutsideAWhileLoopIsRefused() {
        ((ArrayNode) node("sum").get("input")).add("^y");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": the graph has a cycle that is not a while-loop");
    }

    @Test
    void duplicateNodeNamesAreRefused() {
        node("init").put("name", "y");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": two nodes are named 'y'");
    }

    @Test
    void layersModelIsRefused() {
        tiny.put("format", "layers-model");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": is a TensorFlow.js 'layers-model'");
    }

    @Test
    void jsonWithoutTopologyIsRefused() {
        tiny.remove("modelTopology");
        assertThatThrownBy(this::loadEdited)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(jsonLocation + ": has no 'modelTopology' object");
    }

    @Test
    void unsupportedSchemeIsRefused() {
        assertThatThrownBy(() -> loader.load("s3://bucket/models/", "blazeface.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("s3://bucket/models/blazeface.json: unsupported location");
    }

    @Test
    void emptyModelPathIsRefused() {
        assertThatThrownBy(() -> loader.load("file:/opt/models/", " "))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("No model file given");
    }
}
