package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face} section: face detection and everything computed per face.
 *
 * <pre>{@code
 * FaceConfig face = HumanConfig.defaults().face();
 * boolean irisOn = face.enabled() && face.iris().enabled(); // true
 * }</pre>
 *
 * @param enabled {@code face.enabled}, default {@code true}
 * @param detector {@code face.detector}
 * @param mesh {@code face.mesh}
 * @param attention {@code face.attention}
 * @param iris {@code face.iris}
 * @param emotion {@code face.emotion}
 * @param description {@code face.description}
 * @param antispoof {@code face.antispoof}
 * @param liveness {@code face.liveness}
 * @param gear {@code face.gear} (interface-only in Human, see {@link FaceGearConfig})
 */
public record FaceConfig(
        boolean enabled,
        FaceDetectorConfig detector,
        FaceMeshConfig mesh,
        FaceAttentionConfig attention,
        FaceIrisConfig iris,
        FaceEmotionConfig emotion,
        FaceDescriptionConfig description,
        FaceAntiSpoofConfig antispoof,
        FaceLivenessConfig liveness,
        FaceGearConfig gear) {

    private static final FaceConfig DEFAULTS = new FaceConfig(true, FaceDetectorConfig.defaults(),
            FaceMeshConfig.defaults(), FaceAttentionConfig.defaults(), FaceIrisConfig.defaults(),
            FaceEmotionConfig.defaults(), FaceDescriptionConfig.defaults(), FaceAntiSpoofConfig.defaults(),
            FaceLivenessConfig.defaults(), FaceGearConfig.defaults());

    /**
     * Checks that no part is null.
     *
     * @param enabled {@code face.enabled}, default {@code true}
     * @param detector {@code face.detector}
     * @param mesh {@code face.mesh}
     * @param attention {@code face.attention}
     * @param iris {@code face.iris}
     * @param emotion {@code face.emotion}
     * @param description {@code face.description}
     * @param antispoof {@code face.antispoof}
     * @param liveness {@code face.liveness}
     * @param gear {@code face.gear} (interface-only in Human, see {@link FaceGearConfig})
     */
    public FaceConfig {
        Objects.requireNonNull(detector, "face.detector");
        Objects.requireNonNull(mesh, "face.mesh");
        Objects.requireNonNull(attention, "face.attention");
        Objects.requireNonNull(iris, "face.iris");
        Objects.requireNonNull(emotion, "face.emotion");
        Objects.requireNonNull(description, "face.description");
        Objects.requireNonNull(antispoof, "face.antispoof");
        Objects.requireNonNull(liveness, "face.liveness");
        Objects.requireNonNull(gear, "face.gear");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceConfig defaults() {
        return DEFAULTS;
    }
}
