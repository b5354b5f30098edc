package ai.human.draw;

/**
 * What an {@link Annotator} draws. {@link #defaults()} draws everything; switch parts off with the {@code with}
 * methods.
 *
 * <pre>{@code
 * Annotator annotator = new Annotator(DrawOptions.defaults().withFaceMesh(false).withScale(2));
 * }</pre>
 *
 * @param faceBoxes  face boxes
 * @param faceMesh   face mesh points (and iris points)
 * @param faceLabels a label over each face: score, gender, age, top emotion
 * @param bodies     body skeletons and keypoints
 * @param hands      hand boxes and keypoints, coloured per finger
 * @param objects    object boxes with their labels
 * @param scale      multiplies line widths, point sizes and fonts, which are otherwise chosen from the image size;
 *                   must be above 0
 */
public record DrawOptions(boolean faceBoxes, boolean faceMesh, boolean faceLabels, boolean bodies, boolean hands,
                          boolean objects, double scale) {
    private static final DrawOptions DEFAULTS = new DrawOptions(true, true, true, true, true, true, 1);

    /**
     * Checks the scale.
     *
     * @param faceBoxes face boxes
     * @param faceMesh face mesh points (and iris points)
     * @param faceLabels a label over each face: score, gender, age, top emotion
     * @param bodies body skeletons and keypoints
     * @param hands hand boxes and keypoints, coloured per finger
     * @param objects object boxes with their labels
     * @param scale multiplies line widths, point sizes and fonts, which are otherwise chosen from the image size;
     *     must be above 0
     */
    public DrawOptions {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number above 0, got " + scale);
        }
    }

    /** {@return everything drawn, at scale 1} */
    public static DrawOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return these options with face boxes drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withFaceBoxes(boolean value) {
        return new DrawOptions(value, faceMesh, faceLabels, bodies, hands, objects, scale);
    }

    /**
     * {@return these options with face meshes drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withFaceMesh(boolean value) {
        return new DrawOptions(faceBoxes, value, faceLabels, bodies, hands, objects, scale);
    }

    /**
     * {@return these options with face labels drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withFaceLabels(boolean value) {
        return new DrawOptions(faceBoxes, faceMesh, value, bodies, hands, objects, scale);
    }

    /**
     * {@return these options with bodies drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withBodies(boolean value) {
        return new DrawOptions(faceBoxes, faceMesh, faceLabels, value, hands, objects, scale);
    }

    /**
     * {@return these options with hands drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withHands(boolean value) {
        return new DrawOptions(faceBoxes, faceMesh, faceLabels, bodies, value, objects, scale);
    }

    /**
     * {@return these options with objects drawn or not}
     *
     * @param value whether to draw them
     */
    public DrawOptions withObjects(boolean value) {
        return new DrawOptions(faceBoxes, faceMesh, faceLabels, bodies, hands, value, scale);
    }

    /**
     * {@return these options with another scale}
     *
     * @param value the scale of lines, points and labels, above 0
     */
    public DrawOptions withScale(double value) {
        return new DrawOptions(faceBoxes, faceMesh, faceLabels, bodies, hands, objects, value);
    }
}
