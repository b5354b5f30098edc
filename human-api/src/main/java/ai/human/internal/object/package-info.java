/**
 * Objects as Human 3.3.6 finds them with CenterNet ({@code object/centernet.ts}), with the 80 COCO labels:
 * {@link ai.human.internal.object.CenterNetDetector}.
 *
 * <p>Differs from Human: a class outside the 80 labels is a {@link ai.human.model.ModelException} naming the model
 * (Human fails with a TypeError); truncated pixel boxes give 0 rather than -0; the cache belongs to one detector
 * instance, not to the process.
 */
package ai.human.internal.object;
