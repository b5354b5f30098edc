/**
 * Plumbing the detection pipelines share: the models of one {@code Human} instance
 * ({@link ai.human.internal.pipeline.ModelRegistry}), input normalisation
 * ({@link ai.human.internal.pipeline.InputImages}), Human's frame-change detection and per-model result caches for
 * video ({@link ai.human.internal.pipeline.FrameChangeDetector}, {@link ai.human.internal.pipeline.SkipCache}) and the
 * {@code performance} timings ({@link ai.human.internal.pipeline.Performance}). Internal: not an API.
 */
package ai.human.internal.pipeline;
