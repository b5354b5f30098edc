package ai.human.graph.internal;

import ai.human.tensor.DType;
import java.util.Arrays;

/**
 * A TensorFlow {@code TensorList} (the variant that TF2's {@code TensorArray} lowers to): a fixed number of slots,
 * each empty or holding a tensor. Immutable: {@code TensorListSetItem} makes a new list. A list holds one reference on
 * each of its items and drops them when it is freed.
 */
final class ListValue extends Value {
    final DType elementDType;
    /** Element shape as declared, {@code -1} for unknown dimensions, {@code null} for unknown rank. */
    final int[] elementShape;
    private final TensorValue[] items;

    ListValue(DType elementDType, int[] elementShape, TensorValue[] items) {
        super(false);
        this.elementDType = elementDType;
        this.elementShape = elementShape;
        this.items = items;
        for (TensorValue item : items) {
            if (item != null) {
                item.retain(1);
            }
        }
    }

    int size() {
        return items.length;
    }

    /** The item at {@code index}, or {@code null} when that slot was never set. */
    TensorValue get(int index) {
        return items[index];
    }

    /** A new list with {@code item} at {@code index}. */
    ListValue with(int index, TensorValue item) {
        TensorValue[] copy = items.clone();
        copy[index] = item;
        return new ListValue(elementDType, elementShape, copy);
    }

    @Override
    void onFree() {
        for (TensorValue item : items) {
            if (item != null) {
                item.release();
            }
        }
    }

    @Override
    String describe() {
        return "TensorList[" + items.length + " x " + elementDType + " " + Arrays.toString(elementShape) + "]";
    }
}
