package ai.human.internal.hand;

import ai.human.result.Box;

/**
 * A hand box from the detector, or from the previous frame's keypoints (Human's {@code HandDetectResult}).
 *
 * @param id     position in the detector's selection
 * @param score  detector confidence, unrounded
 * @param box    pixels
 * @param boxRaw fractions of the image size; the area the landmark model looks at
 * @param label  detector class name
 */
record HandDetection(int id, double score, Box box, Box boxRaw, String label) {

    HandDetection withBoxes(Box newBox, Box newBoxRaw) {
        return new HandDetection(id, score, newBox, newBoxRaw, label);
    }
}
