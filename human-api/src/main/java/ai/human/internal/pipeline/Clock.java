package ai.human.internal.pipeline;

/** Milliseconds since an arbitrary origin, as Human's {@code now()}; replaceable in tests. */
@FunctionalInterface
public interface Clock {
    /** The system's monotonic clock. */
    Clock SYSTEM = () -> System.nanoTime() / 1e6;

    double millis();
}
