package ai.human.internal.hand;

/** Where a finger points in the picture, with FingerPose's names. */
enum FingerDirection {
    VERTICAL_UP("verticalUp"),
    VERTICAL_DOWN("verticalDown"),
    HORIZONTAL_LEFT("horizontalLeft"),
    HORIZONTAL_RIGHT("horizontalRight"),
    DIAGONAL_UP_RIGHT("diagonalUpRight"),
    DIAGONAL_UP_LEFT("diagonalUpLeft"),
    DIAGONAL_DOWN_RIGHT("diagonalDownRight"),
    DIAGONAL_DOWN_LEFT("diagonalDownLeft");

    private final String label;

    FingerDirection(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
