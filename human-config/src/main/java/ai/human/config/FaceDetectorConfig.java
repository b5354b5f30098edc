package ai.human.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Human's {@code face.detector} section: the BlazeFace face detector.
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("face.detector.maxDetected", "10");
 * int max = config.face().detector().maxDetected(); // 10
 * }</pre>
 *
 * @param modelPath {@code face.detector.modelPath}, relative to {@code modelBasePath}, default {@code "blazeface.json"}
 * @param rotation {@code face.detector.rotation}: correct face rotation, default {@code false}
 * @param maxDetected {@code face.detector.maxDetected}: at most this many faces (≥ 1), default 1
 * @param skipFrames {@code face.detector.skipFrames}: frames that may reuse cached boxes, default 99
 * @param skipTime {@code face.detector.skipTime}: milliseconds that may reuse cached boxes, default 2500
 * @param minConfidence {@code face.detector.minConfidence}: 0 … 1, default 0.2
 * @param minSize {@code face.detector.minSize}: minimum box size in pixels, default 0
 * @param iouThreshold {@code face.detector.iouThreshold}: overlap for non-maximum suppression 0 … 1, default 0.1
 * @param scale {@code face.detector.scale}: box enlargement factor (&gt; 0), default 1.4
 * @param mask {@code face.detector.mask}: mask the face crop, default {@code false}
 * @param returnTensor JSON key {@code face.detector.return}: keep the face crop tensor in the result,
 *     default {@code false}
 * @param square {@code face.detector.square}: pad the input to a square first. Only in Human's
 *     TypeScript interface, with no entry in its defaults; Human reads a missing value as
 *     {@code false}, which is our default.
 */
public record FaceDetectorConfig(
        String modelPath,
        boolean rotation,
        int maxDetected,
        int skipFrames,
        int skipTime,
        double minConfidence,
        int minSize,
        double iouThreshold,
        double scale,
        boolean mask,
        @JsonProperty("return") boolean returnTensor,
        boolean square) {

    private static final FaceDetectorConfig DEFAULTS = new FaceDetectorConfig(
            "blazeface.json", false, 1, 99, 2500, 0.2, 0, 0.1, 1.4, false, false, false);

    /**
     * Checks that the model path is not null.
     *
     * @param modelPath {@code face.detector.modelPath}, relative to {@code modelBasePath}, default {@code "blazeface.json"}
     * @param rotation {@code face.detector.rotation}: correct face rotation, default {@code false}
     * @param maxDetected {@code face.detector.maxDetected}: at most this many faces (≥ 1), default 1
     * @param skipFrames {@code face.detector.skipFrames}: frames that may reuse cached boxes, default 99
     * @param skipTime {@code face.detector.skipTime}: milliseconds that may reuse cached boxes, default 2500
     * @param minConfidence {@code face.detector.minConfidence}: 0 … 1, default 0.2
     * @param minSize {@code face.detector.minSize}: minimum box size in pixels, default 0
     * @param iouThreshold {@code face.detector.iouThreshold}: overlap for non-maximum suppression 0 … 1, default 0.1
     * @param scale {@code face.detector.scale}: box enlargement factor (&gt; 0), default 1.4
     * @param mask {@code face.detector.mask}: mask the face crop, default {@code false}
     * @param returnTensor JSON key {@code face.detector.return}: keep the face crop tensor in the result,
     *     default {@code false}
     * @param square {@code face.detector.square}: pad the input to a square first. Only in Human's
     *     TypeScript interface, with no entry in its defaults; Human reads a missing value as
     *     {@code false}, which is our default.
     */
    public FaceDetectorConfig {
        Objects.requireNonNull(modelPath, "face.detector.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceDetectorConfig defaults() {
        return DEFAULTS;
    }
}
