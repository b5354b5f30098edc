package ai.human.tck;

import ai.human.config.HumanConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link HumanConfig}s the detection and concurrency rules run with: Human's defaults, with the modules switched
 * on or off as the rule asks. The face detector always runs; another module runs when {@link Workload#models()}
 * includes its models (with {@link Workload#FULL} every model runs: antispoof, liveness and CenterNet included, which
 * Human leaves off by default).
 */
final class DetectionSetup {

    /** Which of Human's modules run. */
    enum Modules {
        /** Face detection and the face models; body, hand, object and gestures off. */
        FACE_ONLY("face only"),
        /** Face, body (MoveNet), hand (HandTrack and landmarks), object (CenterNet) and gestures. */
        ALL("all modules");

        private final String label;

        Modules(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private DetectionSetup() {
    }

    /**
     * The config for one scenario.
     *
     * @param returnTensors    {@code face.detector.return}
     * @param deallocate       {@code deallocate}
     * @param maxDetected      {@code face.detector.maxDetected}
     * @param cacheSensitivity {@code cacheSensitivity} (0: no result caching, detections run in parallel)
     */
    static HumanConfig config(Workload workload, Modules modules, boolean returnTensors, boolean deallocate,
                              int maxDetected, double cacheSensitivity) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("face.enabled", "true");
        overrides.put("face.detector.return", Boolean.toString(returnTensors));
        overrides.put("face.detector.maxDetected", Integer.toString(maxDetected));
        overrides.put("deallocate", Boolean.toString(deallocate));
        overrides.put("cacheSensitivity", Double.toString(cacheSensitivity));
        boolean mesh = workload.includes("facemesh");
        overrides.put("face.mesh.enabled", Boolean.toString(mesh));
        overrides.put("face.iris.enabled", Boolean.toString(mesh && workload.includes("iris")));
        overrides.put("face.emotion.enabled", Boolean.toString(workload.includes("emotion")));
        overrides.put("face.description.enabled", Boolean.toString(workload.includes("faceres")));
        overrides.put("face.antispoof.enabled", Boolean.toString(workload.includes("antispoof")));
        overrides.put("face.liveness.enabled", Boolean.toString(workload.includes("liveness")));
        boolean all = modules == Modules.ALL;
        overrides.put("body.enabled", Boolean.toString(all && workload.includes("movenet-lightning")));
        overrides.put("hand.enabled", Boolean.toString(all && workload.includes("handtrack")
                && workload.includes("handlandmark-lite")));
        overrides.put("object.enabled", Boolean.toString(all && workload.includes("centernet")));
        overrides.put("gesture.enabled", Boolean.toString(all));
        return HumanConfig.defaults().withOverrides(overrides);
    }
}
