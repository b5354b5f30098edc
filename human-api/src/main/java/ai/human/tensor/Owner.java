package ai.human.tensor;

/**
 * Who a live tensor belongs to, for {@link MemoryInfo#byOwner()}.
 *
 * <ul>
 *   <li>{@link #CALLER}: created by the application ({@code decodeImage}, its own input tensors) or taken out
 *       of a result; the application closes it.</li>
 *   <li>{@link #IN_FLIGHT}: an intermediate inside an open {@link TensorScope}; the scope closes it.</li>
 *   <li>{@link #RESULT}: carried by a detection result (face crops); closing the result closes it.</li>
 *   <li>{@link #MODEL}: model weights; closing the model (or {@code Human}) closes them.</li>
 * </ul>
 */
public enum Owner {
    /** Created by the application or taken out of a result; the application closes it. */
    CALLER,
    /** An intermediate inside an open {@link TensorScope}; the scope closes it. */
    IN_FLIGHT,
    /** Carried by a detection result; closing the result closes it. */
    RESULT,
    /** Model weights; closing the model closes them. */
    MODEL
}
