/**
 * Hands as Human 3.3.6 finds them with HandTrack and the hand landmark model ({@code hand/handtrack.ts}), and
 * FingerPose's curl, direction and gesture estimates ({@code hand/fingerpose.ts}, {@code fingergesture.ts}):
 * {@link ai.human.internal.hand.HandTrackPipeline} and {@link ai.human.internal.hand.FingerPoseEstimator}.
 *
 * <p>Kept from Human on purpose: labels come from the class list with {@code face} still in it although the face
 * class was removed before choosing ({@code tip} reads {@code face}, {@code pinchtip} reads {@code tip}); a hand whose
 * landmarks fail stays in the result with an infinite box; {@code hand.rotation} has no effect; a perfectly straight
 * finger counts as fully curled (Human's 57.2958 degrees per radian, modulo 180).
 *
 * <p>Differs from Human: a model that cannot fetch inner graph nodes is asked for the signature outputs
 * {@code Identity_6}/{@code Identity_7} instead of {@code StatefulPartitionedCall/Postprocessor/*}
 * (the same values); thresholds are compared so that float scores meet them exactly as Human's doubles do;
 * truncated pixel boxes give 0 rather than -0; the caches belong to one pipeline instance, not to the process.
 */
package ai.human.internal.hand;
