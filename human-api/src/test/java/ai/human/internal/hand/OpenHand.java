package ai.human.internal.hand;

import ai.human.result.Point;
import java.util.ArrayList;
import java.util.List;

/** An upright open hand drawn in a 224 x 224 box: wrist at the bottom, five straight fingers pointing up. */
public final class OpenHand {
    private OpenHand() {
    }

    /** 21 keypoints as the landmark model writes them: x, y, z per point. */
    public static float[] modelOutput() {
        float[] v = new float[63];
        set(v, 0, 112, 200, 0);
        // thumb bends slightly toward the palm so that no three of its points are collinear
        set(v, 1, 60, 170, -1);
        set(v, 2, 52, 140, -2);
        set(v, 3, 47, 110, -3);
        set(v, 4, 45, 80, -4);
        for (int finger = 1; finger <= 4; finger++) {
            float x = 70 + 25 * finger;
            for (int joint = 0; joint < 4; joint++) {
                set(v, 1 + 4 * finger + joint, x, 150 - 30 * joint, -finger - joint);
            }
        }
        return v;
    }

    public static List<Point> points() {
        float[] v = modelOutput();
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            out.add(Point.of(v[3 * i], v[3 * i + 1], v[3 * i + 2]));
        }
        return out;
    }

    private static void set(float[] v, int index, float x, float y, float z) {
        v[3 * index] = x;
        v[3 * index + 1] = y;
        v[3 * index + 2] = z;
    }
}
