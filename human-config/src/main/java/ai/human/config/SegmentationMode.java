package ai.human.config;


/**
 * Output of the segmentation model: Human's {@code segmentation.mode} option
 * ({@code 'default' | 'alpha' | 'foreground' | 'state'}). Segmentation is not implemented by Human
 * for Java (see {@link HumanConfig#unsupportedOptions()}); the option is accepted for compatibility.
 *
 * <pre>{@code
 * SegmentationMode mode = HumanConfig.defaults().segmentation().mode(); // DEFAULT
 * }</pre>
 */
public enum SegmentationMode implements JsonNamed {
    /** {@code "default"}: the model's default output. */
    DEFAULT("default"),
    /** {@code "alpha"}: the alpha mask. */
    ALPHA("alpha"),
    /** {@code "foreground"}: the foreground only. */
    FOREGROUND("foreground"),
    /** {@code "state"}: the model's recurrent state. */
    STATE("state");

    private final String jsonValue;

    SegmentationMode(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    @Override
    public String jsonValue() {
        return jsonValue;
    }
}
