package ai.human.json;

import ai.human.error.AlreadyClosedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.result.Box;
import ai.human.result.FaceResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.Result;
import ai.human.result.ResultTensor;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void resultHasHumansTopLevelKeysInOrder() throws Exception {
        JsonNode json = parse(ResultJson.compact().toJson(SampleResults.full(ResultTensor.absent())));

        assertThat(keys(json)).containsExactly("width", "height", "error", "face", "body", "hand", "object", "gesture",
                "performance");
        assertThat(json.get("width").asInt()).isEqualTo(1920);
        assertThat(json.get("height").asInt()).isEqualTo(1280);
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(json.get("performance").get("total").asLong()).isEqualTo(1199);
        assertThat(keys(json.get("performance"))).containsExactly("inputProcess", "total");
    }

    @Test
    void faceHasHumansFieldsInHumansOrder() throws Exception {
        JsonNode face = parse(ResultJson.compact().toJson(SampleResults.full(ResultTensor.absent()))).get("face").get(0);

        assertThat(keys(face)).containsExactly("id", "mesh", "meshRaw", "box", "boxRaw", "score", "boxScore", "faceScore",
                "size", "age", "gender", "genderScore", "emotion", "real", "live", "distance", "rotation", "annotationKeys",
                "iris", "embedding", "tensor");
        assertThat(keys(face.get("rotation"))).containsExactly("angle", "matrix", "gaze");
        assertThat(keys(face.get("rotation").get("angle"))).containsExactly("pitch", "yaw", "roll");
        assertThat(keys(face.get("rotation").get("gaze"))).containsExactly("bearing", "strength");
        assertThat(keys(face.get("iris"))).containsExactly("leftEyeIris", "rightEyeIris", "distance");
        assertThat(keys(face.get("emotion").get(0))).containsExactly("score", "emotion");
    }

    @Test
    void faceValuesAreWrittenAsHumanWritesThem() throws Exception {
        String text = ResultJson.compact().toJson(SampleResults.full(ResultTensor.absent()));
        JsonNode face = parse(text).get("face").get(0);

        assertThat(text).contains("\"box\":[334,316,352,352]");          // whole numbers without ".0"
        assertThat(text).contains("\"mesh\":[[470,538,-6],[457.5,517,-20]]");
        assertThat(face.get("boxRaw").get(0).asDouble()).isEqualTo(0.17395833333333333);
        assertThat(face.get("size").toString()).isEqualTo("[353,235]");
        assertThat(face.get("age").asDouble()).isEqualTo(23.5);
        assertThat(face.get("gender").asText()).isEqualTo("female");
        assertThat(face.get("emotion").get(0).get("emotion").asText()).isEqualTo("happy");
        assertThat(face.get("annotationKeys").toString()).isEqualTo("[\"silhouette\",\"leftEyeIris\",\"rightEyeIris\"]");
        assertThat(face.get("iris").get("leftEyeIris").toString()).isEqualTo("[[30,31,-7],[32,33,-8]]");
        assertThat(face.get("iris").get("distance").asDouble()).isEqualTo(1.73);
        assertThat(face.get("rotation").get("angle").get("roll").asDouble()).isEqualTo(-0.06);
        assertThat(face.get("rotation").get("matrix")).hasSize(9);
        assertThat(face.get("tensor").isNull()).isTrue();
    }

    @Test
    void embeddingFloatsAreWrittenAsTheirExactDoubleValue() throws Exception {
        JsonNode embedding = parse(ResultJson.compact().toJson(SampleResults.full(ResultTensor.absent())))
                .get("face").get(0).get("embedding");

        // JavaScript's Array.from(Float32Array) gives the float's exact double value; so must we
        assertThat(embedding.get(0).asDouble()).isEqualTo((double) 0.09572052f);
        assertThat(embedding.get(1).asDouble()).isEqualTo(0.5);
        assertThat(embedding.get(2).toString()).isEqualTo("0");
    }

    @Test
    void valuesOfModelsThatDidNotRunAreLeftOutOrNull() throws Exception {
        Result result = new Result(List.of(SampleResults.detectorOnlyFace()), List.of(), List.of(), List.of(), List.of(),
                Map.of(), 10, 10);
        JsonNode face = parse(ResultJson.compact().toJson(result)).get("face").get(0);

        assertThat(keys(face)).doesNotContain("age", "gender", "genderScore", "real", "live", "distance", "rotation");
        assertThat(face.get("emotion").isArray()).isTrue();
        assertThat(face.get("emotion")).isEmpty();
        assertThat(face.get("embedding").isNull()).isTrue();
        assertThat(face.get("iris").get("leftEyeIris").isNull()).isTrue();
        assertThat(face.get("iris").get("rightEyeIris").isNull()).isTrue();
        assertThat(face.get("iris").get("distance").isNull()).isTrue();
        assertThat(face.get("tensor").isNull()).isTrue();
    }

    @Test
    void notANumberAndInfinityAreWrittenAsNullAsJavaScriptDoes() throws Exception {
        FaceResult base = SampleResults.detectorOnlyFace();
        FaceResult face = new FaceResult(0, Double.NaN, Double.POSITIVE_INFINITY, 0, base.box(), base.boxRaw(), base.size(),
                List.of(Point.of(Double.NaN, 1, 2)), base.meshRaw(), Map.of(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), List.of(), new float[0], OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), ResultTensor.absent());
        Result result = new Result(List.of(face), List.of(), List.of(), List.of(), List.of(), Map.of(), 10, 10);

        String text = ResultJson.compact().toJson(result);

        assertThat(text).contains("\"score\":null", "\"boxScore\":null", "\"mesh\":[[null,1,2]]");
        assertThat(parse(text)).isNotNull();
    }

    @Test
    void faceTensorIsWrittenAsShapeAndDtype() throws Exception {
        try (ReferenceBackend backend = new ReferenceBackend()) {
            Tensor crop = backend.fromFloats(new float[2 * 3 * 3], Shape.of(2, 3, 3));
            try (Result result = SampleResults.full(ResultTensor.of(crop))) {
                JsonNode tensor = parse(ResultJson.compact().toJson(result)).get("face").get(0).get("tensor");

                assertThat(tensor.toString()).isEqualTo("{\"shape\":[2,3,3],\"dtype\":\"float32\"}");
            }
        }
    }

    @Test
    void bodyHandObjectAndGestureUseHumansFields() throws Exception {
        JsonNode json = parse(ResultJson.compact().toJson(SampleResults.full(ResultTensor.absent())));

        JsonNode body = json.get("body").get(0);
        assertThat(keys(body)).containsExactly("id", "score", "box", "boxRaw", "keypoints", "annotations");
        assertThat(keys(body.get("keypoints").get(0))).containsExactly("score", "part", "positionRaw", "position");
        assertThat(body.get("keypoints").get(0).get("position").toString()).isEqualTo("[1548,340]");
        assertThat(body.get("annotations").toString()).isEqualTo("{\"leftLeg\":[],\"torso\":[[[1532,569],[1376,512]]]}");

        JsonNode hand = json.get("hand").get(0);
        assertThat(keys(hand)).containsExactly("id", "score", "boxScore", "fingerScore", "box", "boxRaw", "label",
                "keypoints", "landmarks", "annotations");
        assertThat(hand.get("landmarks").get("index").toString()).isEqualTo("{\"curl\":\"half\",\"direction\":\"diagonalDownRight\"}");
        assertThat(keys(hand.get("annotations"))).containsExactly("thumb", "palm");
        assertThat(hand.get("keypoints").get(1).toString()).isEqualTo("[853.06,1063.99,-6.2]");

        JsonNode object = json.get("object").get(0);
        assertThat(keys(object)).containsExactly("id", "score", "class", "label", "box", "boxRaw");
        assertThat(object.get("class").asInt()).isZero();
        assertThat(object.get("label").asText()).isEqualTo("person");

        assertThat(json.get("gesture").toString())
                .isEqualTo("[{\"face\":0,\"gesture\":\"facing center\"},{\"iris\":0,\"gesture\":\"looking up\"}]");
    }

    @Test
    void emptyResultHasEmptyLists() throws Exception {
        JsonNode json = parse(ResultJson.compact().toJson(SampleResults.empty(640, 480)));

        for (String list : List.of("face", "body", "hand", "object", "gesture")) {
            assertThat(json.get(list).isArray()).as(list).isTrue();
            assertThat(json.get(list)).as(list).isEmpty();
        }
        assertThat(json.get("performance").isObject()).isTrue();
    }

    @Test
    void prettyAndCompactHoldTheSameValues() throws Exception {
        Result result = SampleResults.full(ResultTensor.absent());
        String pretty = ResultJson.pretty().toJson(result);
        String compact = ResultJson.compact().toJson(result);

        assertThat(pretty).contains("\n  \"face\": [");
        assertThat(compact).doesNotContain("\n");
        assertThat(parse(pretty)).isEqualTo(parse(compact));
    }

    @Test
    void writeToStreamLeavesTheStreamOpen() throws Exception {
        ClosingCounter out = new ClosingCounter(new ByteArrayOutputStream());

        ResultJson.compact().write(SampleResults.empty(2, 3), out);

        assertThat(out.closed).isZero();
        assertThat(parse(out.text()).get("width").asInt()).isEqualTo(2);
    }

    @Test
    void imagesWriterWritesTheOracleDocumentInOrder() throws Exception {
        ClosingCounter out = new ClosingCounter(new ByteArrayOutputStream());
        try (ResultJson.ImagesWriter images = ResultJson.pretty().imagesWriter(out)) {
            images.add("sample1.jpg", SampleResults.full(ResultTensor.absent()), "27b4");
            images.add("sample2.jpg", SampleResults.empty(100, 50));
            images.addError("broken.jpg", "Image file broken.jpg is not in an image format ImageIO can read");
        }

        JsonNode json = parse(out.text());
        assertThat(keys(json)).containsExactly("images");
        JsonNode first = json.get("images").get(0);
        assertThat(keys(first)).containsExactly("image", "width", "height", "rgbSha256", "result");
        assertThat(first.get("image").asText()).isEqualTo("sample1.jpg");
        assertThat(first.get("result").get("face")).hasSize(1);
        JsonNode second = json.get("images").get(1);
        assertThat(keys(second)).containsExactly("image", "width", "height", "result");
        assertThat(second.get("width").asInt()).isEqualTo(100);
        JsonNode broken = json.get("images").get(2);
        assertThat(broken.get("error").asText()).contains("not in an image format");
        assertThat(broken.get("result").get("error").asText()).isEqualTo(broken.get("error").asText());
        assertThat(broken.get("result").get("face")).isEmpty();
        assertThat(out.closed).isZero();
    }

    @Test
    void imagesWriterWithNoImagesWritesAnEmptyList() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultJson.compact().imagesWriter(out).close();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"images\":[]}");
    }

    @Test
    void closedImagesWriterRefusesMoreEntries() {
        ResultJson.ImagesWriter images = ResultJson.compact().imagesWriter(new ByteArrayOutputStream());
        images.close();
        images.close();

        assertThatThrownBy(() -> images.add("late.jpg", SampleResults.empty(1, 1)))
                .isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void boxRoundTripsThroughJsonWithFullPrecision() throws Exception {
        Box box = new Box(0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e-7);
        Result result = new Result(List.of(), List.of(), List.of(), List.of(new ObjectResult(0, 0.5, 1, "bicycle", box, box)),
                List.of(), Map.of(), 1, 1);
        JsonNode boxRaw = parse(ResultJson.compact().toJson(result)).get("object").get(0).get("boxRaw");

        assertThat(boxRaw.get(0).asDouble()).isEqualTo(0.1 + 0.2);
        assertThat(boxRaw.get(1).asDouble()).isEqualTo(1.0 / 3);
        assertThat(boxRaw.get(3).asDouble()).isEqualTo(1e-7);
    }

    private static final class ClosingCounter extends FilterOutputStream {
        private final ByteArrayOutputStream bytes;
        int closed;

        ClosingCounter(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            closed++;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
