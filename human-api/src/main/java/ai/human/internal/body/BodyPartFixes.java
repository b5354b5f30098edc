package ai.human.internal.body;

import java.util.List;

/**
 * Human 3.3.6's keypoint corrections ({@code movenetfix.bodyParts}), kept exactly, quirks included:
 * <ul>
 *   <li>a left/right pair whose left part lies left of its right part in the picture swaps places in the list (each
 *       keypoint keeps its own name, so only the order changes);</li>
 *   <li>a knee above its shoulder, or an ankle above its knee, is dropped;</li>
 *   <li>hips and elbows nearer to the opposite shoulder swap places. Human writes to index -1 of its JavaScript array
 *       when one of the pair is missing: that stores the keypoint in a property no list operation sees, so it
 *       disappears from the result, and the empty place left behind is dropped later. {@link Slots} reproduces
 *       this.</li>
 * </ul>
 */
final class BodyPartFixes {

    private BodyPartFixes() {
    }

    /** Corrects {@code keypoints} in place; afterwards an entry may be null (see the class comment). */
    static void apply(List<RawKeypoint> keypoints) {
        Slots slots = new Slots(keypoints);
        for (String[] pair : MoveNetParts.HORIZONTAL) {
            int left = slots.indexOf(pair[0]);
            int right = slots.indexOf(pair[1]);
            if (slots.get(left) != null && slots.get(right) != null && slots.get(left).x < slots.get(right).x) {
                slots.swap(left, right);
            }
        }
        for (String[] pair : MoveNetParts.VERTICAL) {
            int lower = slots.indexOf(pair[0]);
            int higher = slots.indexOf(pair[1]);
            if (slots.get(lower) != null && slots.get(higher) != null && slots.get(lower).y < slots.get(higher).y) {
                slots.remove(lower);
            }
        }
        for (String[][] relation : MoveNetParts.RELATIVE) {
            int left = slots.indexOf(relation[0][0]);
            int right = slots.indexOf(relation[0][1]);
            RawKeypoint leftTo = slots.get(slots.indexOf(relation[1][0]));
            RawKeypoint rightTo = slots.get(slots.indexOf(relation[1][1]));
            if (leftTo == null || rightTo == null) {
                continue;
            }
            RawKeypoint l = slots.get(left);
            RawKeypoint r = slots.get(right);
            boolean leftNearerOther = l != null && Math.abs(leftTo.x - l.x) > Math.abs(rightTo.x - l.x);
            boolean rightNearerOther = r != null && Math.abs(rightTo.x - r.x) > Math.abs(leftTo.x - r.x);
            if (leftNearerOther || rightNearerOther) {
                slots.swap(left, right);
            }
        }
    }

    /** A JavaScript array of keypoints as Human indexes it: index -1 is a separate, hidden property. */
    static final class Slots {
        private final List<RawKeypoint> list;
        private RawKeypoint minusOne;

        Slots(List<RawKeypoint> list) {
            this.list = list;
        }

        /** {@code findIndex}: the first non-empty entry with this part, or -1. */
        int indexOf(String part) {
            for (int i = 0; i < list.size(); i++) {
                RawKeypoint kp = list.get(i);
                if (kp != null && kp.part.equals(part)) {
                    return i;
                }
            }
            return -1;
        }

        RawKeypoint get(int index) {
            return index == -1 ? minusOne : list.get(index);
        }

        void set(int index, RawKeypoint kp) {
            if (index == -1) {
                minusOne = kp;
            } else {
                list.set(index, kp);
            }
        }

        void swap(int a, int b) {
            RawKeypoint tmp = get(a);
            set(a, get(b));
            set(b, tmp);
        }

        /** {@code splice(index, 1)}; -1 removes the last entry, as in JavaScript. */
        void remove(int index) {
            list.remove(index == -1 ? list.size() - 1 : index);
        }
    }
}
