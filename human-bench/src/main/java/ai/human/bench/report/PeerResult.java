package ai.human.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code bench/peer/peer.mjs} measured for one configuration.
 *
 * @param config      the configuration id
 * @param msPerImage  median over the timed passes of the mean ms per image
 * @param loadMs      {@code new Human(config)}, {@code load()} and {@code tf.ready()}
 * @param peer        what ran (Human and tfjs versions)
 * @param simd        whether the wasm backend used SIMD
 * @param threads     whether the wasm backend used threads
 */
record PeerResult(String config, double msPerImage, double loadMs, String peer, boolean simd, boolean threads) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one peer report; empty when the file is missing. */
    static Optional<PeerResult> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(JSON.readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read peer results " + file, e);
        }
    }

    static PeerResult parse(JsonNode node) {
        return new PeerResult(node.path("config").asText(), node.path("msPerImage").asDouble(Double.NaN),
                node.path("loadMs").asDouble(Double.NaN), node.path("peer").asText(), node.path("wasmSimd").asBoolean(),
                node.path("wasmThreads").asBoolean());
    }
}
