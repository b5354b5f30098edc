package ai.human.internal.gesture;

import ai.human.internal.hand.FingerPoseEstimator;
import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.FaceResult;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gestures as Human 3.3.6 reads them from a result ({@code gesture/gesture.ts}), in Human's order: face, body, hand,
 * then iris. Plain Java over the results; no tensors.
 *
 * <ul>
 *   <li>face (needs the mesh): {@code facing left|center|right} from the eye corners' depth, {@code blink left|right
 *       eye}, {@code mouth N% open}, {@code head up|down} from the chin's depth;</li>
 *   <li>body: {@code i give up}, {@code raise left|right hand} (wrists above the nose), {@code leaning left|right}
 *       (shoulders more than 10% of the image height apart vertically);</li>
 *   <li>hand: {@code <finger> forward} for the annotation group whose first point is nearest the camera,
 *       {@code <finger> up} for the highest, and the FingerPose gestures ({@code thumbs up}, {@code victory},
 *       {@code point}, {@code middle finger}, {@code open palm}). Like Human, the first point of each group is the
 *       finger's base, not its tip, and the {@code base} and {@code palm} groups take part;</li>
 *   <li>iris (needs iris annotations): {@code facing center}, {@code looking left|right|up|down|center}.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Gesture> gestures = GestureRecognizer.recognize(faces, bodies, hands);
 * // [Gesture[face, 0, facing center], Gesture[hand, 0, open palm], ...]
 * }</pre>
 */
public final class GestureRecognizer {

    private GestureRecognizer() {
    }

    /** All gestures, face first, then body, hand and iris, as Human lists them. */
    public static List<Gesture> recognize(List<FaceResult> faces, List<BodyResult> bodies, List<HandResult> hands) {
        List<Gesture> out = new ArrayList<>();
        out.addAll(face(faces));
        out.addAll(body(bodies));
        out.addAll(hand(hands));
        out.addAll(iris(faces));
        return List.copyOf(out);
    }

    private static double zOrZero(Point p) {
        return p.hasZ() ? p.z() : 0;
    }

    static List<Gesture> face(List<FaceResult> faces) {
        List<Gesture> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            List<Point> mesh = faces.get(i).mesh();
            if (mesh.size() <= 450) {
                continue;
            }
            double zDiff = zOrZero(mesh.get(33)) - zOrZero(mesh.get(263));
            double xDiff = mesh.get(33).x() - mesh.get(263).x();
            if (Math.abs(zDiff / xDiff) <= 0.15) {
                out.add(new Gesture("face", i, "facing center"));
            } else {
                out.add(new Gesture("face", i, "facing " + (zDiff < 0 ? "left" : "right")));
            }
            double openLeft = Math.abs(mesh.get(374).y() - mesh.get(386).y()) / Math.abs(mesh.get(443).y() - mesh.get(450).y());
            if (openLeft < 0.2) {
                out.add(new Gesture("face", i, "blink left eye"));
            }
            double openRight = Math.abs(mesh.get(145).y() - mesh.get(159).y()) / Math.abs(mesh.get(223).y() - mesh.get(230).y());
            if (openRight < 0.2) {
                out.add(new Gesture("face", i, "blink right eye"));
            }
            double mouthOpen = Math.min(100, 500 * Math.abs(mesh.get(13).y() - mesh.get(14).y())
                    / Math.abs(mesh.get(10).y() - mesh.get(152).y()));
            if (mouthOpen > 10) {
                out.add(new Gesture("face", i, "mouth " + (long) mouthOpen + "% open"));
            }
            double chinDepth = zOrZero(mesh.get(152));
            if (Math.abs(chinDepth) > 10) {
                out.add(new Gesture("face", i, "head " + (chinDepth < 0 ? "up" : "down")));
            }
        }
        return out;
    }

    private static BodyKeypoint part(BodyResult body, String name) {
        for (BodyKeypoint kp : body.keypoints()) {
            if (kp.part().equals(name)) {
                return kp;
            }
        }
        return null;
    }

    static List<Gesture> body(List<BodyResult> bodies) {
        List<Gesture> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            BodyResult body = bodies.get(i);
            BodyKeypoint leftWrist = part(body, "leftWrist");
            BodyKeypoint rightWrist = part(body, "rightWrist");
            BodyKeypoint nose = part(body, "nose");
            boolean leftUp = nose != null && leftWrist != null && leftWrist.position().y() < nose.position().y();
            boolean rightUp = nose != null && rightWrist != null && rightWrist.position().y() < nose.position().y();
            if (leftUp && rightUp) {
                out.add(new Gesture("body", i, "i give up"));
            } else if (leftUp) {
                out.add(new Gesture("body", i, "raise left hand"));
            } else if (rightUp) {
                out.add(new Gesture("body", i, "raise right hand"));
            }
            BodyKeypoint leftShoulder = part(body, "leftShoulder");
            BodyKeypoint rightShoulder = part(body, "rightShoulder");
            if (leftShoulder != null && rightShoulder != null
                    && Math.abs(leftShoulder.positionRaw().y() - rightShoulder.positionRaw().y()) > 0.1) {
                String side = leftShoulder.position().y() > rightShoulder.position().y() ? "left" : "right";
                out.add(new Gesture("body", i, "leaning " + side));
            }
        }
        return out;
    }

    static List<Gesture> hand(List<HandResult> hands) {
        List<Gesture> out = new ArrayList<>();
        for (int i = 0; i < hands.size(); i++) {
            HandResult hand = hands.get(i);
            List<String> names = new ArrayList<>();
            List<Point> firsts = new ArrayList<>();
            for (Map.Entry<String, List<Point>> group : hand.annotations().entrySet()) {
                if (!group.getKey().equals("palmBase") && !group.getValue().isEmpty() && group.getValue().get(0) != null) {
                    names.add(group.getKey().toLowerCase(Locale.ROOT));
                    firsts.add(group.getValue().get(0));
                }
            }
            if (!firsts.isEmpty()) {
                int closest = 0;
                int highest = 0;
                for (int f = 1; f < firsts.size(); f++) {
                    closest = zOrZero(firsts.get(closest)) < zOrZero(firsts.get(f)) ? closest : f;
                    highest = firsts.get(highest).y() < firsts.get(f).y() ? highest : f;
                }
                out.add(new Gesture("hand", i, names.get(closest) + " forward"));
                out.add(new Gesture("hand", i, names.get(highest) + " up"));
            }
            for (String pose : FingerPoseEstimator.gestures(hand.keypoints())) {
                out.add(new Gesture("hand", i, pose));
            }
        }
        return out;
    }

    static List<Gesture> iris(List<FaceResult> faces) {
        List<Gesture> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            FaceResult face = faces.get(i);
            List<Point> left = face.annotations().get("leftEyeIris");
            List<Point> right = face.annotations().get("rightEyeIris");
            if (left == null || left.isEmpty() || right == null || right.isEmpty()) {
                continue;
            }
            double areaLeft = Math.abs((left.get(3).x() - left.get(1).x()) * (left.get(4).y() - left.get(2).y()));
            double areaRight = Math.abs((right.get(3).x() - right.get(1).x()) * (right.get(4).y() - right.get(2).y()));
            boolean center = false;
            double difference = Math.abs(areaLeft - areaRight) / Math.max(areaLeft, areaRight);
            if (difference < 0.25) {
                center = true;
                out.add(new Gesture("iris", i, "facing center"));
            }
            List<Point> mesh = face.mesh();
            double leftCenterX = Math.abs(mesh.get(263).x() - left.get(0).x()) / face.box().width();
            double rightCenterX = Math.abs(mesh.get(33).x() - right.get(0).x()) / face.box().width();
            if (leftCenterX > 0.06 || rightCenterX > 0.06) {
                center = false;
            }
            if (leftCenterX > rightCenterX) {
                if (rightCenterX > 0.04) {
                    out.add(new Gesture("iris", i, "looking right"));
                }
            } else if (leftCenterX > 0.04) {
                out.add(new Gesture("iris", i, "looking left"));
            }
            double rightCenterY = Math.abs(mesh.get(145).y() - right.get(0).y()) / face.box().height();
            double leftCenterY = Math.abs(mesh.get(374).y() - left.get(0).y()) / face.box().height();
            boolean down = leftCenterY < 0.01 || rightCenterY < 0.01;
            boolean up = leftCenterY > 0.022 || rightCenterY > 0.022;
            if (down || up) {
                center = false;
            }
            if (down) {
                out.add(new Gesture("iris", i, "looking down"));
            }
            if (up) {
                out.add(new Gesture("iris", i, "looking up"));
            }
            if (center) {
                out.add(new Gesture("iris", i, "looking center"));
            }
        }
        return out;
    }
}
