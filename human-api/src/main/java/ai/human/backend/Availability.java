package ai.human.backend;

/**
 * Whether a {@link BackendProvider} can create a backend here, and why (not).
 *
 * @param available true when {@code create} is expected to work
 * @param reason    a short human-readable explanation, for example {@code "native library loaded"} or
 *                  {@code "no native library for linux-aarch64"}
 */
public record Availability(boolean available, String reason) {
    /**
     * {@return an availability saying yes}
     *
     * @param reason why, for example {@code "native library loaded"}
     */
    public static Availability yes(String reason) {
        return new Availability(true, reason);
    }

    /**
     * {@return an availability saying no}
     *
     * @param reason why not, for example {@code "no native library for linux-aarch64"}
     */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
