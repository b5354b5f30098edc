/**
 * Face matching as Human 3.3.6 does it: {@link ai.human.match.FaceMatch} compares the 1024-value embeddings of
 * {@code FaceResult.embedding()} by distance and similarity, and finds the best match in a list.
 *
 * <pre>{@code
 * double similarity = FaceMatch.similarity(a.embedding(), b.embedding()); // 0..1, above ~0.5: same person
 * }</pre>
 */
package ai.human.match;
