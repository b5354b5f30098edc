package ai.human.tck;

import ai.human.config.HumanConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link HumanConfig}s the detection and concurrency rules run with: Human's defaults, with the modules switched
 * on or off as the rule asks. The face detector always runs; another face module runs when {@link Workload#models()}
 * includes its model (with {@link Workload#FULL} every face model runs, antispoof and liveness included).
 */
final class DetectionSetup {

    /** Which of Human's modules run. */
    enum Modules {
        FACE_ONLY("face only");

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
        switch (modules) {
            case FACE_ONLY -> {
                overrides.put("body.enabled", "false");
                overrides.put("hand.enabled", "false");
                overrides.put("object.enabled", "false");
                overrides.put("gesture.enabled", "false");
            }
        }
        return HumanConfig.defaults().withOverrides(overrides);
    }
}
