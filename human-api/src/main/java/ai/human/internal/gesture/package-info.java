/**
 * Face, iris, body and hand gestures as Human 3.3.6's {@code gesture/gesture.ts} reads them from a result:
 * {@link ai.human.internal.gesture.GestureRecognizer}. Plain Java over the result types; no tensors.
 */
package ai.human.internal.gesture;
