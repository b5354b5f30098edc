package ai.human.internal.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human 3.3.6's face-mesh index tables, read from {@code mesh-annotations.json} (generated from Human's
 * {@code facemeshcoords.ts} by {@code human-api/tools/make-face-landmarks.mjs}): the named landmark groups of the
 * 478-point mesh and which iris-model points replace which mesh points.
 */
final class MeshAnnotations {
    static final String RESOURCE = "mesh-annotations.json";

    /** One row of Human's {@code irisIndices}: iris-model points for the mesh group {@code left|right + key}. */
    record IrisMapping(String key, int[] indices) {
    }

    private static final MeshAnnotations INSTANCE = read();

    private final Map<String, int[]> groups;
    private final List<IrisMapping> irisMappings;

    private MeshAnnotations(Map<String, int[]> groups, List<IrisMapping> irisMappings) {
        this.groups = Collections.unmodifiableMap(groups);
        this.irisMappings = List.copyOf(irisMappings);
    }

    static MeshAnnotations get() {
        return INSTANCE;
    }

    /** Group name to mesh point indices, in Human's order. */
    Map<String, int[]> groups() {
        return groups;
    }

    int[] group(String name) {
        int[] indices = groups.get(name);
        if (indices == null) {
            throw new IllegalArgumentException("No face mesh group '" + name + "'");
        }
        return indices;
    }

    List<IrisMapping> irisMappings() {
        return irisMappings;
    }

    private static MeshAnnotations read() {
        try (InputStream in = MeshAnnotations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing next to " + MeshAnnotations.class.getName()
                        + "; the human-api jar is incomplete");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, int[]> groups = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.get("meshAnnotations").properties()) {
                groups.put(entry.getKey(), ints(entry.getValue()));
            }
            List<IrisMapping> iris = new ArrayList<>();
            for (JsonNode row : root.get("irisIndices")) {
                iris.add(new IrisMapping(row.get("key").asText(), ints(row.get("indices"))));
            }
            return new MeshAnnotations(groups, iris);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
