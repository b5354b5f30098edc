package ai.human.config;


/**
 * What {@code human.warmup()} runs before the first real detection: Human's {@code warmup} option
 * ({@code '' | 'none' | 'face' | 'full' | 'body'}).
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withWarmup(Warmup.FACE);
 * }</pre>
 */
public enum Warmup implements JsonNamed {
    /** Human's empty string {@code ""}: no warmup, same as {@link #NONE}. */
    UNSPECIFIED(""),
    /** {@code "none"}: no warmup. */
    NONE("none"),
    /** {@code "face"}: warm up the face models on a sample face image. */
    FACE("face"),
    /** {@code "full"} (Human's default): warm up all enabled models on a sample full-body image. */
    FULL("full"),
    /** {@code "body"}: warm up the body model on a sample full-body image. */
    BODY("body");

    private final String jsonValue;

    Warmup(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    @Override
    public String jsonValue() {
        return jsonValue;
    }
}
