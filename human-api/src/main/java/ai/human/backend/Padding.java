package ai.human.backend;

/** TensorFlow's padding modes. {@code SAME} pads asymmetrically when needed: the extra row/column goes at the bottom/right. */
public enum Padding {
    SAME, VALID
}
