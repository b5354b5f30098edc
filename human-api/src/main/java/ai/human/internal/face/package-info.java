/**
 * Human 3.3.6's face pipeline ({@code src/face/*.ts}, {@code gear/emotion.ts}) over the {@code Backend} SPI:
 * {@link ai.human.internal.face.FacePipeline} runs BlazeFace, the mesh with iris refinement, rotation and gaze,
 * emotion, description (age, gender, embedding), anti-spoofing and liveness. Image work and models run on the
 * backend inside tensor scopes; box decoding, NMS, coordinate transforms and scoring are plain Java over values read
 * once per model output, with Human's constants and arithmetic. Internal: not an API.
 */
package ai.human.internal.face;
