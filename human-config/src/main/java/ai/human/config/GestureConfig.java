package ai.human.config;

/**
 * Human's {@code gesture} section: gesture recognition from face, body and hand results.
 *
 * <pre>{@code
 * boolean gestures = HumanConfig.defaults().gesture().enabled(); // true
 * }</pre>
 *
 * @param enabled {@code gesture.enabled}, default {@code true}
 */
public record GestureConfig(boolean enabled) {
    private static final GestureConfig DEFAULTS = new GestureConfig(true);

    /** {@return Human 3.3.6's defaults for this section} */
    public static GestureConfig defaults() {
        return DEFAULTS;
    }
}
