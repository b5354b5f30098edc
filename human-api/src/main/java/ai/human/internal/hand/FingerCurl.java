package ai.human.internal.hand;

/** How far a finger is bent, with FingerPose's names. */
enum FingerCurl {
    NONE("none"), HALF("half"), FULL("full");

    /** Angles (degrees) above which a finger counts as half bent, and as straight. */
    static final double HALF_CURL_START_LIMIT = 60.0;
    static final double NO_CURL_START_LIMIT = 130.0;

    private final String label;

    FingerCurl(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The curl for the angle at the finger's middle joint, in degrees. */
    static FingerCurl ofAngle(double degrees) {
        if (degrees > NO_CURL_START_LIMIT) {
            return NONE;
        }
        return degrees > HALF_CURL_START_LIMIT ? HALF : FULL;
    }
}
