/**
 * The pure-Java reference backend ({@link ai.human.backend.reference.ReferenceBackend}, provider name
 * {@code reference}): every op over plain Java arrays, graph models through {@code human-graph}'s executor. Slow and
 * readable; the reference for the op semantics, and the backend of tests that need real ops without native code.
 */
package ai.human.backend.reference;
