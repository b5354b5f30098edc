package ai.human.internal.hand;

import static ai.human.internal.hand.FingerCurl.FULL;
import static ai.human.internal.hand.FingerCurl.HALF;
import static ai.human.internal.hand.FingerCurl.NONE;
import static ai.human.internal.hand.FingerDirection.DIAGONAL_UP_LEFT;
import static ai.human.internal.hand.FingerDirection.DIAGONAL_UP_RIGHT;
import static ai.human.internal.hand.FingerDirection.HORIZONTAL_LEFT;
import static ai.human.internal.hand.FingerDirection.HORIZONTAL_RIGHT;
import static ai.human.internal.hand.FingerDirection.VERTICAL_UP;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand gestures Human 3.3.6 describes for FingerPose ({@code hand/fingergesture.ts}): thumbs up, victory,
 * point, middle finger and open palm, each as expected curls and directions per finger with confidences and finger
 * weights. A gesture's confidence is the weighted sum of the matched expectations over 10 (a finger without an
 * expectation counts fully).
 */
final class FingerGestures {
    private static final int THUMB = 0;
    private static final int INDEX = 1;
    private static final int MIDDLE = 2;
    private static final int RING = 3;
    private static final int PINKY = 4;
    private static final int FINGERS = 5;

    /** One described gesture. Built once, then read-only. */
    static final class Gesture {
        private final String name;
        private final List<List<Expectation<FingerCurl>>> curls = new ArrayList<>();
        private final List<List<Expectation<FingerDirection>>> directions = new ArrayList<>();
        private final double[] weights = {1, 1, 1, 1, 1};
        private double[] relativeWeights = {1, 1, 1, 1, 1};

        Gesture(String name) {
            this.name = name;
            for (int f = 0; f < FINGERS; f++) {
                curls.add(null);
                directions.add(null);
            }
        }

        String name() {
            return name;
        }

        Gesture curl(int finger, FingerCurl curl, double confidence) {
            add(curls, finger, new Expectation<>(curl, confidence));
            return this;
        }

        Gesture direction(int finger, FingerDirection direction, double confidence) {
            add(directions, finger, new Expectation<>(direction, confidence));
            return this;
        }

        /** Sets a finger's weight; the relative weights are rescaled to sum to 5. */
        Gesture weight(int finger, double weight) {
            weights[finger] = weight;
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double[] relative = new double[FINGERS];
            for (int f = 0; f < FINGERS; f++) {
                relative[f] = weights[f] * 5 / total;
            }
            relativeWeights = relative;
            return this;
        }

        private static <T> void add(List<List<Expectation<T>>> table, int finger, Expectation<T> expectation) {
            if (table.get(finger) == null) {
                table.set(finger, new ArrayList<>());
            }
            table.get(finger).add(expectation);
        }

        double confidence(FingerCurl[] detectedCurls, FingerDirection[] detectedDirections) {
            return (score(curls, detectedCurls) + score(directions, detectedDirections)) / 10;
        }

        private <T> double score(List<List<Expectation<T>>> expected, T[] detected) {
            double confidence = 0;
            for (int f = 0; f < detected.length; f++) {
                List<Expectation<T>> options = expected.get(f);
                if (options == null) {
                    confidence += relativeWeights[f];
                    continue;
                }
                for (Expectation<T> option : options) {
                    if (option.value() == detected[f]) {
                        confidence += option.confidence() * relativeWeights[f];
                        break;
                    }
                }
            }
            return confidence;
        }
    }

    private record Expectation<T>(T value, double confidence) {
    }

    /** All described gestures, in Human's order. */
    static final List<Gesture> ALL = List.of(thumbsUp(), victory(), point(), middleFinger(), openPalm());

    private FingerGestures() {
    }

    private static Gesture thumbsUp() {
        Gesture g = new Gesture("thumbs up")
                .curl(THUMB, NONE, 1.0)
                .direction(THUMB, VERTICAL_UP, 1.0)
                .direction(THUMB, DIAGONAL_UP_LEFT, 0.25)
                .direction(THUMB, DIAGONAL_UP_RIGHT, 0.25);
        for (int finger : new int[] {INDEX, MIDDLE, RING, PINKY}) {
            g.curl(finger, FULL, 1.0)
                    .direction(finger, HORIZONTAL_LEFT, 1.0)
                    .direction(finger, HORIZONTAL_RIGHT, 1.0);
        }
        return g;
    }

    private static Gesture victory() {
        return new Gesture("victory")
                .curl(THUMB, HALF, 0.5)
                .curl(THUMB, NONE, 0.5)
                .direction(THUMB, VERTICAL_UP, 1.0)
                .direction(THUMB, DIAGONAL_UP_LEFT, 1.0)
                .curl(INDEX, NONE, 1.0)
                .direction(INDEX, VERTICAL_UP, 0.75)
                .direction(INDEX, DIAGONAL_UP_LEFT, 1.0)
                .curl(MIDDLE, NONE, 1.0)
                .direction(MIDDLE, VERTICAL_UP, 1.0)
                .direction(MIDDLE, DIAGONAL_UP_LEFT, 0.75)
                .curl(RING, FULL, 1.0)
                .direction(RING, VERTICAL_UP, 0.2)
                .direction(RING, DIAGONAL_UP_LEFT, 1.0)
                .direction(RING, HORIZONTAL_LEFT, 0.2)
                .curl(PINKY, FULL, 1.0)
                .direction(PINKY, VERTICAL_UP, 0.2)
                .direction(PINKY, DIAGONAL_UP_LEFT, 1.0)
                .direction(PINKY, HORIZONTAL_LEFT, 0.2)
                .weight(INDEX, 2)
                .weight(MIDDLE, 2);
    }

    private static Gesture point() {
        return new Gesture("point")
                .curl(THUMB, FULL, 1.0)
                .curl(INDEX, NONE, 0.5)
                .curl(MIDDLE, FULL, 0.5)
                .curl(RING, FULL, 0.5)
                .curl(PINKY, FULL, 0.5)
                .weight(INDEX, 2)
                .weight(MIDDLE, 2);
    }

    private static Gesture middleFinger() {
        return new Gesture("middle finger")
                .curl(THUMB, NONE, 1.0)
                .curl(INDEX, FULL, 0.5)
                .curl(MIDDLE, FULL, 0.5)
                .curl(RING, FULL, 0.5)
                .curl(PINKY, FULL, 0.5)
                .weight(INDEX, 2)
                .weight(MIDDLE, 2);
    }

    private static Gesture openPalm() {
        return new Gesture("open palm")
                .curl(THUMB, NONE, 0.75)
                .curl(INDEX, NONE, 0.75)
                .curl(MIDDLE, NONE, 0.75)
                .curl(RING, NONE, 0.75)
                .curl(PINKY, NONE, 0.75);
    }
}
