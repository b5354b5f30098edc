package ai.human.result;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything one {@code detect} found. It owns the tensors it carries (face crops when
 * {@code face.detector.return} is true): close it, best with try-with-resources, to release them all at once, or
 * {@linkplain ResultTensor#take() take} one out to own it.
 *
 * <pre>{@code
 * try (Result result = human.detect(Path.of("group.jpg"))) {
 *     for (FaceResult face : result.face()) {
 *         System.out.println(face.box() + " age " + face.age());
 *     }
 * }
 * }</pre>
 *
 * @param face        faces
 * @param body        bodies
 * @param hand        hands
 * @param object      objects
 * @param gesture     gestures
 * @param performance milliseconds per stage, with Human's keys ({@code face}, {@code body}, {@code total}, ...)
 * @param width       input width in pixels
 * @param height      input height in pixels
 */
public record Result(List<FaceResult> face, List<BodyResult> body, List<HandResult> hand, List<ObjectResult> object,
                     List<Gesture> gesture, Map<String, Long> performance, int width, int height)
        implements AutoCloseable, TensorContainer {

    /**
     * Makes immutable copies of the lists and maps.
     *
     * @param face faces
     * @param body bodies
     * @param hand hands
     * @param object objects
     * @param gesture gestures
     * @param performance milliseconds per stage, with Human's keys ({@code face}, {@code body}, {@code total}, ...)
     * @param width input width in pixels
     * @param height input height in pixels
     */
    public Result {
        face = List.copyOf(face);
        body = List.copyOf(body);
        hand = List.copyOf(hand);
        object = List.copyOf(object);
        gesture = List.copyOf(gesture);
        performance = Collections.unmodifiableMap(new LinkedHashMap<>(performance));
    }

    /** Tensors the result still owns. */
    @Override
    public Stream<Tensor> tensors() {
        return face.stream().map(f -> f.tensor().peek()).flatMap(java.util.Optional::stream);
    }

    /** Releases every tensor the result still owns. Harmless when called twice. */
    @Override
    public void close() {
        for (FaceResult f : face) {
            f.tensor().close();
        }
    }
}
