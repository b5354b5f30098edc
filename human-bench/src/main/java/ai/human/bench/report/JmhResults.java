package ai.human.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The results of JMH runs ({@code -rf json}), one entry per benchmark method and parameter set, with every measured
 * iteration of every fork.
 *
 * <pre>{@code
 * JmhResults results = JmhResults.read(Path.of("out/bench/round-1/detect-full.json"));
 * double ms = results.find("DetectBench.pipeline", Map.of("backend", "tensorflow", "config", "full")).get().median();
 * }</pre>
 */
final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One benchmark with one parameter set.
     *
     * @param benchmark  class and method, without the package ({@code DetectBench.pipeline})
     * @param params     its {@code @Param} values
     * @param unit       the score's unit ({@code ms/op}, {@code ops/s})
     * @param iterations measured iterations, per fork
     */
    record Entry(String benchmark, Map<String, String> params, String unit, List<List<Double>> iterations) {
        /** The median over all iterations of all forks. */
        double median() {
            return Stats.median(iterations.stream().flatMap(List::stream).toList());
        }

        /** The median of each fork's first iteration: a cold JVM for single-shot benchmarks. */
        double firstIterationMedian() {
            return Stats.median(iterations.stream().filter(f -> !f.isEmpty()).map(f -> f.get(0)).toList());
        }

        /** The median of the iterations after each fork's first; NaN when there are none. */
        double laterIterationsMedian() {
            return Stats.median(iterations.stream().flatMap(f -> f.stream().skip(1)).toList());
        }
    }

    private final List<Entry> entries;

    JmhResults(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Nothing measured. */
    static JmhResults empty() {
        return new JmhResults(List.of());
    }

    /** Reads one JMH result file; a missing file gives no entries. */
    static JmhResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JMH results " + file, e);
        }
    }

    static JmhResults parse(JsonNode root) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            String full = node.path("benchmark").asText();
            String[] parts = full.split("\\.");
            String benchmark = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            Map<String, String> params = new TreeMap<>();
            node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            List<List<Double>> iterations = new ArrayList<>();
            for (JsonNode fork : node.path("primaryMetric").path("rawData")) {
                List<Double> values = new ArrayList<>();
                fork.forEach(v -> values.add(v.asDouble()));
                iterations.add(values);
            }
            entries.add(new Entry(benchmark, params, node.path("primaryMetric").path("scoreUnit").asText(), iterations));
        }
        return new JmhResults(entries);
    }

    /** These entries and {@code other}'s. */
    JmhResults plus(JmhResults other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new JmhResults(all);
    }

    /** The entry of {@code benchmark} whose parameters include all of {@code params}. */
    Optional<Entry> find(String benchmark, Map<String, String> params) {
        return entries.stream()
                .filter(e -> e.benchmark().equals(benchmark))
                .filter(e -> params.entrySet().stream().allMatch(p -> p.getValue().equals(e.params().get(p.getKey()))))
                .findFirst();
    }

    /** The median of {@code benchmark} with {@code params}, NaN when it was not run. */
    double median(String benchmark, Map<String, String> params) {
        return find(benchmark, params).map(Entry::median).orElse(Double.NaN);
    }
}
