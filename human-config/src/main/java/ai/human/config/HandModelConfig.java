package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code hand.detector} and {@code hand.skeleton} sections: each holds only the path of its
 * model.
 *
 * <pre>{@code
 * String detector = HumanConfig.defaults().hand().detector().modelPath(); // "handtrack.json"
 * String skeleton = HumanConfig.defaults().hand().skeleton().modelPath(); // "handlandmark-lite.json"
 * }</pre>
 *
 * @param modelPath {@code hand.detector.modelPath} or {@code hand.skeleton.modelPath}
 */
public record HandModelConfig(String modelPath) {
    /**
     * Checks that the model path is not null.
     *
     * @param modelPath {@code hand.detector.modelPath} or {@code hand.skeleton.modelPath}
     */
    public HandModelConfig {
        Objects.requireNonNull(modelPath, "modelPath");
    }
}
