package ai.human.cli;

import ai.human.cli.ModelChecksums.Digest;
import ai.human.cli.ModelChecksums.Entry;
import ai.human.config.HumanConfig;
import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.ModelLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code human models}: the default models in the human-models jar, and {@code models verify}. */
@Command(name = "models", sortOptions = false,
        header = "List the default models; 'models verify' checks their SHA-256.",
        subcommands = ModelsCommand.Verify.class,
        description = {"List Human 3.3.6's default models carried in the human-models jar: size of the model files,"
                + " operations (graph nodes other than weights and inputs), distinct op types, bytes of the decoded"
                + " weights, and which option uses the model and whether it is on in the configuration"
                + " (after --config and --set); then the SHA-256 of every file."},
        footer = {"", "Examples:", "  human models", "  human models --set object.enabled=true", "  human models verify"})
final class ModelsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        HumanConfig effective = config.apply(DetectCommand.base());
        Map<String, String> users = modelUsers(effective);
        ModelChecksums sums = ModelChecksums.onClasspath();
        List<Entry> files = sums.load().stream().filter(Entry::isModelFile).toList();
        ModelLoader loader = new ModelLoader();
        PrintStream out = common.out();
        String format = "%-18s %12s %6s %9s %13s  %s%n";
        out.printf(Locale.ROOT, format, "MODEL", "FILE BYTES", "OPS", "OP TYPES", "WEIGHT BYTES", "USED BY");
        for (Entry json : files) {
            if (!json.path().endsWith(".json")) {
                continue;
            }
            String file = json.path().substring(ModelChecksums.MODELS.length());
            String name = file.substring(0, file.length() - ".json".length());
            long bytes = files.stream().filter(e -> e.path().startsWith(ModelChecksums.MODELS + name + "."))
                    .map(e -> sums.digest(e.path())).flatMap(Optional::stream).mapToLong(Digest::size).sum();
            GraphModelDef model = loader.load(ModelLoader.DEFAULT_BASE_PATH, file);
            long ops = model.nodes().stream().map(GraphNode::op).filter(op -> !op.equals("Const") && !op.equals("Placeholder"))
                    .count();
            out.printf(Locale.ROOT, format, name, String.format(Locale.ROOT, "%,d", bytes), ops, model.opInventory().size(),
                    String.format(Locale.ROOT, "%,d", model.weightBytes()), users.getOrDefault(file, "-"));
        }
        out.println();
        out.println("SHA-256:");
        for (Entry entry : files) {
            String actual = sums.digest(entry.path()).map(Digest::sha256).orElse("(missing)");
            out.println(actual + "  " + entry.path());
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Model file name → {@code "face.detector (on)"}: every section with a {@code modelPath}. */
    static Map<String, String> modelUsers(HumanConfig config) {
        Map<String, String> users = new LinkedHashMap<>();
        try {
            walk(new ObjectMapper().readTree(config.toJson()), "", true, users);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The configuration's own JSON could not be read back", e);
        }
        return users;
    }

    private static void walk(JsonNode node, String path, boolean parentsOn, Map<String, String> users) {
        boolean on = parentsOn && (!node.has("enabled") || node.get("enabled").asBoolean());
        if (node.has("modelPath") && !node.get("modelPath").asText().isBlank()) {
            String modelPath = node.get("modelPath").asText();
            String file = modelPath.substring(modelPath.lastIndexOf('/') + 1);
            users.merge(file, path + (on ? " (on)" : " (off)"), (a, b) -> a + ", " + b);
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            if (child.getValue().isObject()) {
                walk(child.getValue(), path.isEmpty() ? child.getKey() : path + "." + child.getKey(), on, users);
            }
        }
    }

    /** {@code human models verify}. */
    @Command(name = "verify",
            header = "Check the SHA-256 of the model files against the shipped sums.",
            description = {"Check the SHA-256 of every model file on the classpath against the sums shipped in the"
                    + " human-models jar (" + ModelChecksums.RESOURCE + "), and of the sample photos when they are"
                    + " there. Exit code 1 when a file is missing or differs."},
            footer = {"", "Example:", "  human models verify"})
    static final class Verify implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            int ok = verify(ModelChecksums.onClasspath(), common.out());
            common.err().println("human models verify: " + Summaries.count(ok, "file", "files") + " match their SHA-256");
            return ExitCode.OK;
        }

        /**
         * Prints one line per file ({@code path: OK}, {@code MISSING}, {@code MISMATCH}) and returns how many matched.
         *
         * @throws CliException (failed) when a model file is missing or any file differs
         */
        static int verify(ModelChecksums sums, PrintStream out) {
            List<String> failures = new ArrayList<>();
            int ok = 0;
            for (Entry entry : sums.load()) {
                if (!entry.isResource()) {
                    continue;
                }
                Optional<Digest> digest = sums.digest(entry.path());
                if (digest.isEmpty()) {
                    if (entry.isModelFile()) {
                        out.println(entry.path() + ": MISSING");
                        failures.add(entry.path() + " is missing");
                    }
                } else if (digest.get().sha256().equals(entry.sha256())) {
                    out.println(entry.path() + ": OK");
                    ok++;
                } else {
                    out.println(entry.path() + ": MISMATCH (expected " + entry.sha256() + ", found " + digest.get().sha256()
                            + ")");
                    failures.add(entry.path() + " differs");
                }
            }
            out.flush();
            if (!failures.isEmpty()) {
                throw CliException.failed(Summaries.count(failures.size(), "file", "files") + " failed the check ("
                        + String.join(", ", failures) + "); rebuild or reinstall the human-models jar");
            }
            return ok;
        }
    }
}
