package ai.human.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Turns one {@code bench/run} output folder into the comparison tables (Markdown) and the verdict on each target, and
 * prints them. Each figure is a median: over JMH iterations or the peer's passes within a round, then over rounds; each
 * ratio is computed within a round (Java and the peer measured back to back) and then its median over rounds is taken.
 *
 * <p>Folder layout: {@code round-N/detect-<config>.json} (JMH, {@code DetectBench}), {@code round-N/peer-<config>.json}
 * ({@code peer.mjs}), {@code models.json}, {@code load.json}, {@code throughput.json} (JMH) and {@code meta.properties}
 * (the machine and the load average, written by {@code bench/run}). Missing parts are left out of the report.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" ai.human.bench.report.BenchReport out/bench/latest
 * </pre>
 */
public final class BenchReport {
    static final List<String> CONFIGS = List.of("face-default", "face-multi", "full", "full-multi");
    static final List<String> BACKENDS = List.of("tensorflow", "djl");
    static final List<String> MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof",
            "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");
    static final Map<String, Double> SPEED_TARGETS = Map.of("tensorflow", 3.0, "djl", 1.5);
    static final double OVERHEAD_TARGET = 1.15;
    static final double LOAD_TARGET_MS = 2000;

    /** One round's measurements of one configuration. */
    record Round(JmhResults detect, Optional<PeerResult> peer) {
        double pipeline(String backend, String config) {
            return detect.median("DetectBench.pipeline", Map.of("backend", backend, "config", config));
        }

        double floor(String backend, String config) {
            return detect.median("DetectBench.floor", Map.of("backend", backend, "config", config));
        }

        double peerMs() {
            return peer.map(PeerResult::msPerImage).orElse(Double.NaN);
        }
    }

    /** A target and whether it held. */
    record Verdict(String target, String measured, boolean held) {
    }

    private final Map<String, List<Round>> rounds;
    private final JmhResults models;
    private final JmhResults load;
    private final JmhResults throughput;
    private final Properties meta;
    private final List<Verdict> verdicts = new ArrayList<>();

    BenchReport(Map<String, List<Round>> rounds, JmhResults models, JmhResults load, JmhResults throughput,
                Properties meta) {
        this.rounds = rounds;
        this.models = models;
        this.load = load;
        this.throughput = throughput;
        this.meta = meta;
    }

    /** Reads a {@code bench/run} output folder. */
    static BenchReport read(Path dir) throws IOException {
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        List<Path> roundDirs;
        try (Stream<Path> list = Files.list(dir)) {
            roundDirs = list.filter(p -> p.getFileName().toString().startsWith("round-")).sorted().toList();
        }
        for (String config : CONFIGS) {
            List<Round> perRound = new ArrayList<>();
            for (Path round : roundDirs) {
                JmhResults detect = JmhResults.read(round.resolve("detect-" + config + ".json"));
                Optional<PeerResult> peer = PeerResult.read(round.resolve("peer-" + config + ".json"));
                if (detect.find("DetectBench.pipeline", Map.of("config", config)).isPresent() || peer.isPresent()) {
                    perRound.add(new Round(detect, peer));
                }
            }
            if (!perRound.isEmpty()) {
                rounds.put(config, perRound);
            }
        }
        Properties meta = new Properties();
        Path metaFile = dir.resolve("meta.properties");
        if (Files.isRegularFile(metaFile)) {
            try (var in = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(in);
            }
        }
        return new BenchReport(rounds, JmhResults.read(dir.resolve("models.json")), JmhResults.read(dir.resolve("load.json")),
                JmhResults.read(dir.resolve("throughput.json")), meta);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BenchReport <bench/run output folder>");
        }
        Path dir = Path.of(args[0]);
        String text = read(dir).markdown();
        Files.writeString(dir.resolve("report.md"), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    /** The whole report. */
    String markdown() {
        verdicts.clear();
        StringBuilder out = new StringBuilder();
        machine(out);
        pipelines(out);
        models(out);
        load(out);
        throughput(out);
        targets(out);
        return out.toString();
    }

    private void machine(StringBuilder out) {
        if (meta.isEmpty()) {
            return;
        }
        out.append("Run: ").append(meta.getProperty("command", "bench/run")).append(" (").append(meta.getProperty("mode", "?"))
                .append(", ").append(meta.getProperty("rounds", "?")).append(" round(s)), ").append(meta.getProperty("date", ""))
                .append("\n\nMachine: ").append(meta.getProperty("cpu", "?")).append(", ").append(meta.getProperty("cores", "?"))
                .append(" cores, ").append(meta.getProperty("memory", "?")).append("; ").append(meta.getProperty("java", "?"))
                .append("; ").append(meta.getProperty("node", "?")).append("\n\nLoad average (1 min) at start ")
                .append(meta.getProperty("loadStart", "?")).append(", at end ").append(meta.getProperty("loadEnd", "?"))
                .append("\n\n");
    }

    private void pipelines(StringBuilder out) {
        if (rounds.isEmpty()) {
            return;
        }
        String peer = rounds.values().stream().flatMap(List::stream).map(Round::peer).flatMap(Optional::stream)
                .map(p -> p.peer() + (p.simd() ? ", SIMD" : ", no SIMD") + (p.threads() ? ", threads" : ", 1 thread"))
                .findFirst().orElse("Human 3.3.6 (not run)");
        out.append("### detect(): ms per image (mean over face-api sample1-6), caching off\n\n")
                .append("Peer: ").append(peer).append(". Floor: the same images' model calls replayed on their own (the sum")
                .append(" of the pipeline's raw model inference on that backend).\n\n")
                .append("| configuration | Human 3.3.6 wasm | TF | TF floor | Human / TF | TF / floor | DJL | DJL floor")
                .append(" | Human / DJL | DJL / floor |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rounds.forEach((config, perRound) -> {
            out.append("| ").append(config).append(" | ").append(ms(over(perRound, Round::peerMs)));
            for (String backend : BACKENDS) {
                double pipeline = over(perRound, r -> r.pipeline(backend, config));
                double floor = over(perRound, r -> r.floor(backend, config));
                double speedup = over(perRound, r -> r.peerMs() / r.pipeline(backend, config));
                double overhead = over(perRound, r -> r.pipeline(backend, config) / r.floor(backend, config));
                out.append(" | ").append(ms(pipeline)).append(" | ").append(ms(floor)).append(" | ").append(ratio(speedup))
                        .append(" | ").append(ratio(overhead));
                String name = backend.equals("tensorflow") ? "TF" : "DJL";
                if (!Double.isNaN(speedup)) {
                    double target = SPEED_TARGETS.get(backend);
                    verdicts.add(new Verdict(name + " " + config + ": Human / " + name + " >= " + target, ratio(speedup),
                            speedup >= target));
                }
                if (!Double.isNaN(overhead)) {
                    verdicts.add(new Verdict(name + " " + config + ": pipeline / floor <= " + OVERHEAD_TARGET, ratio(overhead),
                            overhead <= OVERHEAD_TARGET));
                }
            }
            out.append(" |\n");
        });
        out.append('\n');
    }

    private void models(StringBuilder out) {
        if (models.find("ModelBench.infer", Map.of()).isEmpty()) {
            return;
        }
        out.append("### Raw inference: ms per run on Human's input (golden/models), Human's fetches\n\n")
                .append("| model | TF (native) | TF (generic executor) | DJL |\n|---|---:|---:|---:|\n");
        for (String model : MODELS) {
            out.append("| ").append(model);
            for (String backend : List.of("tensorflow", "tensorflow-executor", "djl")) {
                out.append(" | ").append(ms(models.median("ModelBench.infer", Map.of("backend", backend, "model", model))));
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    private void load(StringBuilder out) {
        if (load.find("LoadBench.loadAndWarmUp", Map.of()).isEmpty()) {
            return;
        }
        out.append("### All eleven models: load + warm-up (ms; single shots, cold = first in a fresh JVM)\n\n")
                .append("| backend | load + warm-up, cold | load + warm-up, warm JVM | backend + load + warm-up, cold")
                .append(" | backend + load + warm-up, warm JVM |\n|---|---:|---:|---:|---:|\n");
        for (String backend : BACKENDS) {
            Optional<JmhResults.Entry> models = load.find("LoadBench.loadAndWarmUp", Map.of("backend", backend));
            Optional<JmhResults.Entry> start = load.find("LoadBench.startUp", Map.of("backend", backend));
            if (models.isEmpty() && start.isEmpty()) {
                continue;
            }
            double cold = models.map(JmhResults.Entry::firstIterationMedian).orElse(Double.NaN);
            out.append("| ").append(backend).append(" | ").append(ms(cold)).append(" | ")
                    .append(ms(models.map(JmhResults.Entry::laterIterationsMedian).orElse(Double.NaN))).append(" | ")
                    .append(ms(start.map(JmhResults.Entry::firstIterationMedian).orElse(Double.NaN))).append(" | ")
                    .append(ms(start.map(JmhResults.Entry::laterIterationsMedian).orElse(Double.NaN))).append(" |\n");
            if (!Double.isNaN(cold)) {
                verdicts.add(new Verdict(backend + ": eleven models loaded and warmed (cold JVM) < " + (int) LOAD_TARGET_MS
                        + " ms", ms(cold) + " ms", cold < LOAD_TARGET_MS));
            }
        }
        List<Round> full = rounds.getOrDefault("full", List.of());
        double peerLoad = over(full, r -> r.peer().map(PeerResult::loadMs).orElse(Double.NaN));
        if (!Double.isNaN(peerLoad)) {
            out.append("\nHuman 3.3.6 wasm, same eleven models: `new Human()` + `load()` ").append(ms(peerLoad))
                    .append(" ms (no warm-up; its first detect compiles the wasm kernels).\n");
        }
        out.append('\n');
    }

    private void throughput(StringBuilder out) {
        if (throughput.find("ThroughputBench.oneThread", Map.of()).isEmpty()) {
            return;
        }
        out.append("### Throughput: images per second through one Human, detect() from 1 and 2 threads\n\n")
                .append("| backend | configuration | 1 thread | 2 threads | 2 / 1 |\n|---|---|---:|---:|---:|\n");
        for (String backend : BACKENDS) {
            for (String config : CONFIGS) {
                Map<String, String> params = Map.of("backend", backend, "config", config);
                double one = throughput.median("ThroughputBench.oneThread", params);
                double two = throughput.median("ThroughputBench.twoThreads", params);
                if (Double.isNaN(one) && Double.isNaN(two)) {
                    continue;
                }
                out.append("| ").append(backend).append(" | ").append(config).append(" | ").append(fixed(one, 2))
                        .append(" | ").append(fixed(two, 2)).append(" | ").append(ratio(two / one)).append(" |\n");
            }
        }
        out.append('\n');
    }

    private void targets(StringBuilder out) {
        if (verdicts.isEmpty()) {
            return;
        }
        out.append("### Targets\n\n| target | measured | held |\n|---|---:|---|\n");
        for (Verdict v : verdicts) {
            out.append("| ").append(v.target()).append(" | ").append(v.measured()).append(" | ")
                    .append(v.held() ? "yes" : "**no**").append(" |\n");
        }
        out.append('\n');
    }

    /** The median over rounds of {@code value}, NaN when no round has it. */
    static double over(List<Round> rounds, ToDoubleFunction<Round> value) {
        return Stats.median(rounds.stream().mapToDouble(value).toArray());
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : fixed(value, 1);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
