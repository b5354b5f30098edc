package ai.human.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares our defaults with the configuration Human 3.3.6 itself holds after {@code new Human()} in
 * Node (see src/test/resources/README.md for how the file was made).
 */
class HumanDefaultsMatchHumanTest {
    private static final String HUMAN_DUMP = "/human-3.3.6-default-config.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A difference between Human's tree and ours at one dotted path. */
    record Difference(String path, JsonNode human, JsonNode ours) {
        boolean onlyOurs() {
            return human == null;
        }
    }

    @Test
    void defaultsEqualHumansOwnConfigExceptTheDocumentedDifferences() throws IOException {
        Map<String, Difference> differences = differences(humanDump(), ours());

        assertThat(differences.keySet()).containsExactlyInAnyOrder(
                // ours points at the models jar; Human's constructor sets file://models/ in Node
                "modelBasePath",
                // Human's constructor sets a CDN address; config.ts and we have '' (no wasm backend here)
                "wasmPath",
                // only in Human's TypeScript interfaces; Human's code reads a missing value as false / the gear fallbacks
                "face.detector.square",
                "face.gear",
                // Human-for-Java extensions
                "leakDetection",
                "maxImagePixels",
                "backendOptions");

        assertThat(differences.get("modelBasePath").human().asText()).isEqualTo("file://models/");
        assertThat(differences.get("modelBasePath").ours().asText()).isEqualTo("classpath:/ai/human/models/");
        assertThat(differences.get("wasmPath").human().asText()).contains("tfjs-backend-wasm");
        assertThat(differences.get("wasmPath").ours().asText()).isEmpty();
        for (String added : List.of("face.detector.square", "face.gear", "leakDetection", "maxImagePixels", "backendOptions")) {
            assertThat(differences.get(added).onlyOurs()).as(added + " exists only in our tree").isTrue();
        }
    }

    @Test
    void cacheModelsFollowsHumanInNodeNotConfigTs() throws IOException {
        assertThat(humanDump().get("cacheModels").booleanValue()).isFalse();
        assertThat(HumanConfig.defaults().cacheModels()).isFalse();
    }

    @Test
    void keysComeInHumansOrderWithAdditionsLast() throws IOException {
        assertSameOrder(humanDump(), ours(), "");
    }

    @Test
    void everyKeyOfHumansDumpIsAKnownPath() throws IOException {
        List<String> humanLeaves = new ArrayList<>();
        collectLeaves(humanDump(), "", humanLeaves);

        assertThat(HumanConfig.knownPaths()).containsAll(humanLeaves);
    }

    @Test
    void humansDumpItselfLoadsWithoutErrorsOrUnsupportedOptionsExceptWasmPath() throws IOException {
        String text = humanDumpText();

        assertThat(HumanConfig.validate(text)).isEmpty();
        HumanConfig loaded = HumanConfig.fromJson(text);
        assertThat(loaded.unsupportedOptions()).containsExactly("wasmPath");
        assertThat(loaded.modelBasePath()).isEqualTo("file://models/");
    }

    @Test
    void toJsonWritesHumansConfigTheWayJavascriptJsonStringifyDoes() throws IOException {
        String human = humanDumpText().strip();
        String ours = HumanConfig.fromJson(human).toJson();

        // every value line of Human's own text, indentation included, appears unchanged in ours
        List<String> ourLines = ours.lines().map(HumanDefaultsMatchHumanTest::withoutComma).toList();
        List<String> humanValueLines = human.lines().filter(line -> line.contains("\": ") && !line.endsWith("{"))
                .map(HumanDefaultsMatchHumanTest::withoutComma).toList();
        List<String> humanLeaves = new ArrayList<>();
        collectLeaves(MAPPER.readTree(human), "", humanLeaves);
        assertThat(humanValueLines).hasSameSizeAs(humanLeaves);
        assertThat(ourLines).containsAll(humanValueLines);
        assertThat(ours).contains("\"flags\": {},").startsWith("{\n  \"backend\": \"\",\n");
    }

    private static String withoutComma(String line) {
        return line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
    }

    private static void assertSameOrder(JsonNode human, JsonNode ours, String path) {
        List<String> humanKeys = new ArrayList<>();
        human.fieldNames().forEachRemaining(humanKeys::add);
        List<String> ourKeys = new ArrayList<>();
        ours.fieldNames().forEachRemaining(ourKeys::add);
        assertThat(ourKeys.subList(0, humanKeys.size())).as("key order of '%s'", path).isEqualTo(humanKeys);
        for (String key : humanKeys) {
            if (human.get(key).isObject() && ours.get(key).isObject()) {
                assertSameOrder(human.get(key), ours.get(key), path.isEmpty() ? key : path + "." + key);
            }
        }
    }

    private static Map<String, Difference> differences(JsonNode human, JsonNode ours) {
        Map<String, Difference> found = new LinkedHashMap<>();
        compare(human, ours, "", found);
        return found;
    }

    private static void compare(JsonNode human, JsonNode ours, String path, Map<String, Difference> found) {
        if (human != null && ours != null && human.isObject() && ours.isObject()) {
            List<String> keys = new ArrayList<>();
            human.fieldNames().forEachRemaining(keys::add);
            ours.fieldNames().forEachRemaining(key -> {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            });
            for (String key : keys) {
                compare(human.get(key), ours.get(key), path.isEmpty() ? key : path + "." + key, found);
            }
        } else if (!sameValue(human, ours)) {
            found.put(path, new Difference(path, human, ours));
        }
    }

    /** JSON equality, with numbers compared by value (JavaScript has one number type). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        }
        return a.equals(b);
    }

    private static void collectLeaves(JsonNode node, String path, List<String> leaves) {
        node.fieldNames().forEachRemaining(key -> {
            String child = path.isEmpty() ? key : path + "." + key;
            JsonNode value = node.get(key);
            if (value.isObject() && !child.equals("flags")) {
                collectLeaves(value, child, leaves);
            } else {
                leaves.add(child);
            }
        });
    }

    private static JsonNode ours() throws IOException {
        return MAPPER.readTree(HumanConfig.defaults().toJson());
    }

    private static JsonNode humanDump() throws IOException {
        return MAPPER.readTree(humanDumpText());
    }

    private static String humanDumpText() throws IOException {
        try (InputStream in = HumanDefaultsMatchHumanTest.class.getResourceAsStream(HUMAN_DUMP)) {
            assertThat(in).as(HUMAN_DUMP + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
