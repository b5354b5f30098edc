package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code segmentation} section: background removal. Not implemented by Human for Java:
 * enabling it is reported by {@link HumanConfig#unsupportedOptions()}.
 *
 * <pre>{@code
 * boolean on = HumanConfig.defaults().segmentation().enabled(); // false
 * }</pre>
 *
 * @param enabled {@code segmentation.enabled}, default {@code false}
 * @param modelPath {@code segmentation.modelPath}, default {@code "rvm.json"}
 * @param ratio {@code segmentation.ratio}: downsample ratio in (0, 1], default 0.5
 * @param mode {@code segmentation.mode}, default {@link SegmentationMode#DEFAULT}
 */
public record SegmentationConfig(boolean enabled, String modelPath, double ratio, SegmentationMode mode) {
    private static final SegmentationConfig DEFAULTS = new SegmentationConfig(false, "rvm.json", 0.5, SegmentationMode.DEFAULT);

    /**
     * Checks that the model path and mode are not null.
     *
     * @param enabled {@code segmentation.enabled}, default {@code false}
     * @param modelPath {@code segmentation.modelPath}, default {@code "rvm.json"}
     * @param ratio {@code segmentation.ratio}: downsample ratio in (0, 1], default 0.5
     * @param mode {@code segmentation.mode}, default {@link SegmentationMode#DEFAULT}
     */
    public SegmentationConfig {
        Objects.requireNonNull(modelPath, "segmentation.modelPath");
        Objects.requireNonNull(mode, "segmentation.mode");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static SegmentationConfig defaults() {
        return DEFAULTS;
    }
}
