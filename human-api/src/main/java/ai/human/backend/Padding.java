package ai.human.backend;

/** TensorFlow's padding modes. {@code SAME} pads asymmetrically when needed: the extra row/column goes at the bottom/right. */
public enum Padding {
    /** Output size {@code ceil(input / stride)}; the input is padded, the extra row or column at the bottom or right. */
    SAME,
    /** No padding: only windows that fit inside the input. */
    VALID
}
