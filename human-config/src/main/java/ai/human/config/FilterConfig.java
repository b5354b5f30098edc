package ai.human.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Human's {@code filter} section: image filters that Human runs on its input canvas (WebGL) before
 * inference. Human for Java implements none of them; {@link HumanConfig#unsupportedOptions()} lists
 * every filter whose value would change the input. In Human, {@code equalization}, {@code width},
 * {@code height} and {@code flip} act even when {@code enabled} is false, while the colour filters
 * ({@code brightness} … {@code pixelate}) need {@code enabled}.
 *
 * <pre>{@code
 * FilterConfig filter = HumanConfig.defaults().filter(); // enabled, but every filter neutral
 * }</pre>
 *
 * @param enabled {@code filter.enabled}, default {@code true}
 * @param equalization {@code filter.equalization}: histogram equalization, default {@code false}
 * @param width {@code filter.width}: resize width in pixels, 0 = keep, default 0
 * @param height {@code filter.height}: resize height in pixels, 0 = keep, default 0
 * @param flip {@code filter.flip}: mirror the input, default {@code false}
 * @param returnCanvas JSON key {@code filter.return}: return the processed canvas, default {@code true}
 * @param autoBrightness {@code filter.autoBrightness}, default {@code true}
 * @param brightness {@code filter.brightness}: -1 … 1, default 0
 * @param contrast {@code filter.contrast}: -1 … 1, default 0
 * @param sharpness {@code filter.sharpness}: 0 … 1, default 0
 * @param blur {@code filter.blur}: blur radius in pixels, default 0
 * @param saturation {@code filter.saturation}: -1 … 1, default 0
 * @param hue {@code filter.hue}: hue rotation in degrees 0 … 360, default 0
 * @param negative {@code filter.negative}, default {@code false}
 * @param sepia {@code filter.sepia}, default {@code false}
 * @param vintage {@code filter.vintage}, default {@code false}
 * @param kodachrome {@code filter.kodachrome}, default {@code false}
 * @param technicolor {@code filter.technicolor}, default {@code false}
 * @param polaroid {@code filter.polaroid}, default {@code false}
 * @param pixelate {@code filter.pixelate}: pixelation block size, 0 = off, default 0
 */
public record FilterConfig(
        boolean enabled,
        boolean equalization,
        int width,
        int height,
        boolean flip,
        @JsonProperty("return") boolean returnCanvas,
        boolean autoBrightness,
        double brightness,
        double contrast,
        double sharpness,
        double blur,
        double saturation,
        double hue,
        boolean negative,
        boolean sepia,
        boolean vintage,
        boolean kodachrome,
        boolean technicolor,
        boolean polaroid,
        int pixelate) {

    private static final FilterConfig DEFAULTS = new FilterConfig(true, false, 0, 0, false, true, true,
            0, 0, 0, 0, 0, 0, false, false, false, false, false, false, 0);

    /** {@return Human 3.3.6's defaults for this section} */
    public static FilterConfig defaults() {
        return DEFAULTS;
    }
}
