package ai.human.bench;

import ai.human.config.HumanConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The four detect configurations of the comparison, the same as the peer's ({@code bench/peer/peer.mjs}) and the
 * pipeline goldens': Human's defaults with every face model on (detector, mesh, iris, description, emotion,
 * anti-spoofing, liveness), {@code face} without body, hand, object and gesture, {@code full} with them, each with
 * Human's {@code face.detector.maxDetected} of 1 and with 20 ({@code -multi}); frame caching off
 * ({@code cacheSensitivity: 0}) so that every call computes everything.
 *
 * <pre>{@code
 * HumanConfig config = BenchConfig.of("full-multi").config();
 * }</pre>
 */
public enum BenchConfig {
    FACE_DEFAULT("face-default", false, 1),
    FACE_MULTI("face-multi", false, 20),
    FULL("full", true, 1),
    FULL_MULTI("full-multi", true, 20);

    private final String id;
    private final boolean full;
    private final int maxDetected;

    BenchConfig(String id, boolean full, int maxDetected) {
        this.id = id;
        this.full = full;
        this.maxDetected = maxDetected;
    }

    /** The name used in {@code @Param} values, reports and the peer. */
    public String id() {
        return id;
    }

    /** The configuration named {@code id}. */
    public static BenchConfig of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown benchmark configuration '" + id + "'; use one of "
                        + Arrays.stream(values()).map(BenchConfig::id).toList()));
    }

    /** The Human configuration, with leak detection as Human's default and no warm-up. */
    public HumanConfig config() {
        return config(List.of());
    }

    /** {@link #config()} with further dotted-path overrides ({@code "warmup=full"}). */
    public HumanConfig config(List<String> extra) {
        List<String> overrides = new ArrayList<>(List.of(
                "cacheSensitivity=0",
                "face.antispoof.enabled=true",
                "face.liveness.enabled=true",
                "body.enabled=" + full,
                "hand.enabled=" + full,
                "object.enabled=" + full,
                "gesture.enabled=" + full,
                "face.detector.maxDetected=" + maxDetected));
        overrides.addAll(extra);
        return HumanConfig.defaults().withOverrides(overrides);
    }
}
