package ai.human.match;

/**
 * The best match of an embedding in a list: Human's {@code match.find} result.
 *
 * @param index      position in the list, -1 when nothing could be compared
 * @param distance   {@link FaceMatch#distance} to that entry ({@code +Infinity} for invalid input)
 * @param similarity {@link FaceMatch#similarity} to that entry, 0..1
 */
public record Match(int index, double distance, double similarity) {

    /** {@return whether an entry was found} */
    public boolean found() {
        return index >= 0;
    }
}
