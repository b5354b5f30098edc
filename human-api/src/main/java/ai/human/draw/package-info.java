/**
 * Results drawn onto images with Java2D: {@link ai.human.draw.Annotator} (boxes, face mesh, labels, skeletons, hand
 * keypoints, objects) with {@link ai.human.draw.DrawOptions}, and PNG output.
 */
package ai.human.draw;
