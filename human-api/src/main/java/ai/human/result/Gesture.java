package ai.human.result;

/**
 * A recognised gesture, as Human writes it: {@code {"face": 0, "gesture": "facing center"}}.
 *
 * @param source  {@code face}, {@code iris}, {@code body} or {@code hand}
 * @param index   index of the face, body or hand it belongs to
 * @param gesture description such as {@code head down} or {@code mouth 11% open}
 */
public record Gesture(String source, int index, String gesture) {
}
