/**
 * Body pose as Human 3.3.6 computes it with MoveNet ({@code body/movenet.ts}, {@code movenetfix.ts}):
 * {@link ai.human.internal.body.MoveNetBodyDetector}. Image work and the model run on the backend in a tensor scope;
 * the output is read once and post-processed in plain Java.
 *
 * <p>Kept from Human on purpose: pixel positions are rounded in the unpadded image size before the padding is undone
 * (so they can be fractional afterwards); outline annotations keep the positions from before that and need rounded
 * scores above {@code body.minConfidence}; left/right corrections reorder keypoints without renaming them and can drop
 * one (Human writes to index -1 of its array); the jitter filter matches keypoints by list position.
 *
 * <p>Differs from Human: the jitter memory and the frame cache belong to one detector instance (one per
 * {@code Human}), not to the whole process.
 */
package ai.human.internal.body;
