package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Backend;
import java.util.OptionalLong;

/**
 * Rule {@code NAT-01}: with {@link Capability#NATIVE_COUNT}, the engine's own count of live objects moves in step with
 * {@code memory().tensors()}. The difference between the two is taken on the fresh backend and must be the same at
 * every check: after each op test, after a model is loaded, run and closed, after a detection, after a result is
 * closed, after {@code Human.close()}. A backend that does not claim the capability is not checked (its {@code NAT-01} test is
 * skipped with the reason).
 */
final class EngineCrossCheck {
    static final String RULE = "NAT-01";

    private final BackendCompatibilityKit kit;
    private final Backend backend;
    private final boolean active;
    private final long offset;

    private EngineCrossCheck(BackendCompatibilityKit kit, Backend backend) {
        this.kit = kit;
        this.backend = backend;
        this.active = kit.claims(Capability.NATIVE_COUNT);
        this.offset = active ? engineCount("on the fresh backend") - backend.memory().tensors() : 0;
    }

    /** Takes the engine's offset from the framework's count now (on a fresh backend). */
    static EngineCrossCheck start(BackendCompatibilityKit kit, Backend backend) {
        return new EngineCrossCheck(kit, backend);
    }

    /** Checks that the engine's count and {@code memory().tensors()} still differ by the offset taken at the start. */
    void expectInStep(String when) {
        if (!active) {
            return;
        }
        long tensors = backend.memory().tensors();
        long engine = engineCount(when);
        assertThat(engine - tensors).as("[%s] %s the engine counts %d live objects and memory() %d tensors: %+d against "
                        + "the difference %d on the fresh backend. Hint: %s", RULE, when, engine, tensors,
                engine - tensors - offset, offset, engine - tensors > offset
                        ? "a native object no tensor accounts for: an intermediate or weight the engine still holds, or "
                        + "a tensor memory() does not count (model weights included)"
                        : "memory() counts tensors whose native objects are gone, or engineLiveObjects misses some")
                .isEqualTo(offset);
    }

    private long engineCount(String when) {
        OptionalLong count = kit.engineLiveObjects(backend);
        assertThat(count).as("[%s] engineLiveObjects(backend) %s: the backend claims Capability.NATIVE_COUNT, so the kit "
                + "subclass must override engineLiveObjects", RULE, when).isPresent();
        return count.getAsLong();
    }
}
