package ai.human.backend.tf.model;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a small TensorFlow.js graph model ({@code model.json} and one weight file) the way the TensorFlow.js
 * converter does, and loads it with {@link ModelLoader}: the tests' way to put one node of interest into a graph.
 *
 * <pre>{@code
 * GraphModelDef def = new TinyTfjsModel("prelu")
 *         .placeholder("x", 1, 2, 2, 1)
 *         .constant("alpha", new int[] {1}, 0.25f)
 *         .node("y", "Prelu", List.of("x", "alpha"), "")
 *         .load(tempDir);
 * }</pre>
 */
final class TinyTfjsModel {
    private final String name;
    private final List<String> nodes = new ArrayList<>();
    private final List<String> weightEntries = new ArrayList<>();
    private final List<float[]> weightValues = new ArrayList<>();

    TinyTfjsModel(String name) {
        this.name = name;
    }

    TinyTfjsModel placeholder(String node, int... shape) {
        nodes.add("{\"name\":\"" + node + "\",\"op\":\"Placeholder\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},"
                + "\"shape\":{\"shape\":" + shapeJson(shape) + "}}}");
        return this;
    }

    TinyTfjsModel constant(String node, int[] shape, float... values) {
        nodes.add("{\"name\":\"" + node + "\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},"
                + "\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":" + shapeJson(shape) + "}}}}");
        weightEntries.add("{\"name\":\"" + node + "\",\"shape\":" + Arrays.toString(shape) + ",\"dtype\":\"float32\"}");
        weightValues.add(values.clone());
        return this;
    }

    /** A node; {@code attrs} is the JSON inside {@code "attr": {...}} (see {@link #s}, {@link #ints}, ...). */
    TinyTfjsModel node(String node, String op, List<String> inputs, String attrs) {
        String in = inputs.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        nodes.add("{\"name\":\"" + node + "\",\"op\":\"" + op + "\",\"input\":[" + in + "],\"attr\":{" + attrs + "}}");
        return this;
    }

    /** A string attribute as the converter writes it (base64). */
    static String s(String attr, String value) {
        return "\"" + attr + "\":{\"s\":\"" + b64(value) + "\"}";
    }

    static String strings(String attr, String... values) {
        return "\"" + attr + "\":{\"list\":{\"s\":[" + Arrays.stream(values).map(v -> "\"" + b64(v) + "\"")
                .collect(Collectors.joining(",")) + "]}}";
    }

    static String ints(String attr, int... values) {
        return "\"" + attr + "\":{\"list\":{\"i\":[" + Arrays.stream(values).mapToObj(v -> "\"" + v + "\"")
                .collect(Collectors.joining(",")) + "]}}";
    }

    static String i(String attr, int value) {
        return "\"" + attr + "\":{\"i\":\"" + value + "\"}";
    }

    static String f(String attr, float value) {
        return "\"" + attr + "\":{\"f\":" + value + "}";
    }

    static String type(String attr) {
        return "\"" + attr + "\":{\"type\":\"DT_FLOAT\"}";
    }

    /** Writes the files into {@code dir} and loads them. */
    GraphModelDef load(Path dir) {
        try {
            Files.writeString(dir.resolve(name + ".json"), json(), StandardCharsets.UTF_8);
            int count = weightValues.stream().mapToInt(v -> v.length).sum();
            ByteBuffer out = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] values : weightValues) {
                for (float v : values) {
                    out.putFloat(v);
                }
            }
            Files.write(dir.resolve(name + ".bin"), out.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelLoader(dir.resolve("cache")).load(dir.toAbsolutePath() + "/", name + ".json");
    }

    private String json() {
        return "{\"format\":\"graph-model\",\"generatedBy\":\"test\",\"convertedBy\":\"test\",\"modelTopology\":{"
                + "\"node\":[" + String.join(",", nodes) + "],\"library\":{},\"versions\":{}},"
                + "\"weightsManifest\":[{\"paths\":[\"" + name + ".bin\"],\"weights\":["
                + String.join(",", weightEntries) + "]}]}";
    }

    private static String shapeJson(int[] shape) {
        return "{\"dim\":[" + Arrays.stream(shape).mapToObj(d -> "{\"size\":\"" + d + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
