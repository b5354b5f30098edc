package ai.human.config.internal;

/**
 * An enum constant that has a fixed spelling in configuration JSON (for example {@code "full"} for
 * {@code Warmup.FULL}). The config reader matches that spelling first, then case-insensitively the
 * spelling or the constant's name.
 */
public interface JsonNamed {
    /** {@return the spelling of this constant in configuration JSON} */
    String jsonValue();
}
