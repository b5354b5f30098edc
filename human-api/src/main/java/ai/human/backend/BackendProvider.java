package ai.human.backend;

import java.util.Set;

/**
 * Creates a {@link Backend}; found with {@link java.util.ServiceLoader}. A backend module registers its provider in
 * {@code META-INF/services/ai.human.backend.BackendProvider}, so putting its jar on the classpath is all it takes.
 *
 * <pre>{@code
 * public final class MyProvider implements BackendProvider {
 *     public String name() { return "mine"; }
 *     public int priority() { return 10; }
 *     public Availability availability() { return Availability.yes("pure Java"); }
 *     public Backend create(BackendOptions options) { return new MyBackend(options); }
 * }
 * }</pre>
 */
public interface BackendProvider {

    /** The name users write in {@code backend} (lower case). */
    String name();

    /** Other accepted names (for example {@code tf} for {@code tensorflow}). */
    default Set<String> aliases() {
        return Set.of();
    }

    /** Among available providers, the highest priority is chosen when no name is given. */
    int priority();

    /** Whether {@link #create} can work on this machine, with the reason. Must be cheap and must not throw. */
    Availability availability();

    /** A new backend; the caller owns it and closes it. */
    Backend create(BackendOptions options);

    /** True if {@code requested} is this provider's name or one of its aliases (case-insensitive). */
    default boolean answersTo(String requested) {
        String r = requested.trim().toLowerCase(java.util.Locale.ROOT);
        return name().equals(r) || aliases().contains(r);
    }
}
