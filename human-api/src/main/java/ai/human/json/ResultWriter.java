package ai.human.json;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.FaceRotation;
import ai.human.result.FingerPose;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.Result;
import ai.human.tensor.Tensor;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The field-by-field layout of a result, in Human 3.3.6's names and order. */
final class ResultWriter {

    private ResultWriter() {
    }

    /** {@code {"width", "height", "error", "face", "body", "hand", "object", "gesture", "performance"}}. */
    static void write(JsonGenerator json, Result result, String error) throws IOException {
        json.writeStartObject();
        json.writeNumberField("width", result.width());
        json.writeNumberField("height", result.height());
        writeNullableString(json, "error", error);
        json.writeArrayFieldStart("face");
        for (FaceResult face : result.face()) {
            face(json, face);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("body");
        for (BodyResult body : result.body()) {
            body(json, body);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("hand");
        for (HandResult hand : result.hand()) {
            hand(json, hand);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("object");
        for (ObjectResult object : result.object()) {
            object(json, object);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("gesture");
        for (Gesture gesture : result.gesture()) {
            json.writeStartObject();
            json.writeNumberField(gesture.source(), gesture.index());
            json.writeStringField("gesture", gesture.gesture());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("performance");
        for (Map.Entry<String, Long> entry : result.performance().entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The result of a failed detect: the error and empty lists. */
    static void writeError(JsonGenerator json, String error) throws IOException {
        write(json, new Result(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), 0, 0), error);
    }

    private static void face(JsonGenerator json, FaceResult face) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", face.id());
        points(json, "mesh", face.mesh());
        points(json, "meshRaw", face.meshRaw());
        box(json, "box", face.box());
        box(json, "boxRaw", face.boxRaw());
        numberField(json, "score", face.score());
        numberField(json, "boxScore", face.boxScore());
        numberField(json, "faceScore", face.faceScore());
        json.writeArrayFieldStart("size");
        for (int value : face.size()) {
            json.writeNumber(value);
        }
        json.writeEndArray();
        optionalNumber(json, "age", face.age());
        if (face.gender().isPresent()) {
            json.writeStringField("gender", face.gender().get());
        }
        optionalNumber(json, "genderScore", face.genderScore());
        json.writeArrayFieldStart("emotion");
        for (EmotionScore emotion : face.emotion()) {
            json.writeStartObject();
            numberField(json, "score", emotion.score());
            json.writeStringField("emotion", emotion.emotion());
            json.writeEndObject();
        }
        json.writeEndArray();
        optionalNumber(json, "real", face.real());
        optionalNumber(json, "live", face.live());
        optionalNumber(json, "distance", face.distance());
        if (face.rotation().isPresent()) {
            rotation(json, face.rotation().get());
        }
        json.writeArrayFieldStart("annotationKeys");
        for (String key : face.annotations().keySet()) {
            json.writeString(key);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("iris");
        nullablePoints(json, "leftEyeIris", face.annotations().get("leftEyeIris"));
        nullablePoints(json, "rightEyeIris", face.annotations().get("rightEyeIris"));
        json.writeFieldName("distance");
        if (face.distance().isPresent()) {
            JsonOutput.number(json, face.distance().getAsDouble());
        } else {
            json.writeNull();
        }
        json.writeEndObject();
        float[] embedding = face.embedding();
        json.writeFieldName("embedding");
        if (embedding.length == 0) {
            json.writeNull();
        } else {
            json.writeStartArray();
            for (float value : embedding) {
                JsonOutput.number(json, value);
            }
            json.writeEndArray();
        }
        tensor(json, face.tensor().peek());
        json.writeEndObject();
    }

    private static void rotation(JsonGenerator json, FaceRotation rotation) throws IOException {
        json.writeObjectFieldStart("rotation");
        json.writeObjectFieldStart("angle");
        numberField(json, "pitch", rotation.pitch());
        numberField(json, "yaw", rotation.yaw());
        numberField(json, "roll", rotation.roll());
        json.writeEndObject();
        json.writeArrayFieldStart("matrix");
        for (double value : rotation.matrix()) {
            JsonOutput.number(json, value);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("gaze");
        numberField(json, "bearing", rotation.bearing());
        numberField(json, "strength", rotation.strength());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void tensor(JsonGenerator json, Optional<Tensor> tensor) throws IOException {
        json.writeFieldName("tensor");
        if (tensor.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeArrayFieldStart("shape");
        for (int dim : tensor.get().shape().toArray()) {
            json.writeNumber(dim);
        }
        json.writeEndArray();
        json.writeStringField("dtype", tensor.get().dtype().name().toLowerCase(Locale.ROOT));
        json.writeEndObject();
    }

    private static void body(JsonGenerator json, BodyResult body) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", body.id());
        numberField(json, "score", body.score());
        box(json, "box", body.box());
        box(json, "boxRaw", body.boxRaw());
        json.writeArrayFieldStart("keypoints");
        for (BodyKeypoint keypoint : body.keypoints()) {
            json.writeStartObject();
            numberField(json, "score", keypoint.score());
            json.writeStringField("part", keypoint.part());
            json.writeFieldName("positionRaw");
            point(json, keypoint.positionRaw());
            json.writeFieldName("position");
            point(json, keypoint.position());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("annotations");
        for (Map.Entry<String, List<List<Point>>> entry : body.annotations().entrySet()) {
            json.writeArrayFieldStart(entry.getKey());
            for (List<Point> line : entry.getValue()) {
                json.writeStartArray();
                for (Point point : line) {
                    point(json, point);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void hand(JsonGenerator json, HandResult hand) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", hand.id());
        numberField(json, "score", hand.score());
        numberField(json, "boxScore", hand.boxScore());
        numberField(json, "fingerScore", hand.fingerScore());
        box(json, "box", hand.box());
        box(json, "boxRaw", hand.boxRaw());
        json.writeStringField("label", hand.label());
        points(json, "keypoints", hand.keypoints());
        json.writeObjectFieldStart("landmarks");
        for (Map.Entry<String, FingerPose> entry : hand.landmarks().entrySet()) {
            json.writeObjectFieldStart(entry.getKey());
            json.writeStringField("curl", entry.getValue().curl());
            json.writeStringField("direction", entry.getValue().direction());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("annotations");
        for (Map.Entry<String, List<Point>> entry : hand.annotations().entrySet()) {
            points(json, entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void object(JsonGenerator json, ObjectResult object) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", object.id());
        numberField(json, "score", object.score());
        json.writeNumberField("class", object.classId());
        json.writeStringField("label", object.label());
        box(json, "box", object.box());
        box(json, "boxRaw", object.boxRaw());
        json.writeEndObject();
    }

    private static void box(JsonGenerator json, String name, Box box) throws IOException {
        json.writeArrayFieldStart(name);
        JsonOutput.number(json, box.x());
        JsonOutput.number(json, box.y());
        JsonOutput.number(json, box.width());
        JsonOutput.number(json, box.height());
        json.writeEndArray();
    }

    private static void points(JsonGenerator json, String name, List<Point> points) throws IOException {
        json.writeArrayFieldStart(name);
        for (Point point : points) {
            point(json, point);
        }
        json.writeEndArray();
    }

    private static void nullablePoints(JsonGenerator json, String name, List<Point> points) throws IOException {
        if (points == null) {
            json.writeNullField(name);
        } else {
            points(json, name, points);
        }
    }

    /** {@code [x, y]} for a 2-D point, {@code [x, y, z]} for a 3-D one. */
    private static void point(JsonGenerator json, Point point) throws IOException {
        json.writeStartArray();
        JsonOutput.number(json, point.x());
        JsonOutput.number(json, point.y());
        if (point.hasZ()) {
            JsonOutput.number(json, point.z());
        }
        json.writeEndArray();
    }

    private static void numberField(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        JsonOutput.number(json, value);
    }

    private static void optionalNumber(JsonGenerator json, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            numberField(json, name, value.getAsDouble());
        }
    }

    private static void writeNullableString(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }
}
