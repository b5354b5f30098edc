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

    /** {@return the name users write in {@code backend} (lower case)} */
    String name();

    /** {@return other accepted names (for example {@code tf} for {@code tensorflow})} */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Among available providers, the highest priority is chosen when no name is given.
     *
     * @return the priority; higher wins
     */
    int priority();

    /** {@return whether {@link #create} can work on this machine, with the reason} Must be cheap and must not throw. */
    Availability availability();

    /**
     * {@return a new backend; the caller owns it and closes it}
     *
     * @param options leak detection and backend properties
     */
    Backend create(BackendOptions options);

    /**
     * {@return true if {@code requested} is this provider's name or one of its aliases (case-insensitive)}
     *
     * @param requested a backend name as a user wrote it
     */
    default boolean answersTo(String requested) {
        String r = requested.trim().toLowerCase(java.util.Locale.ROOT);
        return name().equals(r) || aliases().contains(r);
    }
}
