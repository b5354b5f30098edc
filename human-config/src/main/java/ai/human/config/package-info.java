/**
 * The configuration of Human for Java: {@link ai.human.config.HumanConfig}, an immutable tree of
 * records with Human 3.3.6's options and defaults, loaded from (partial) JSON, overridden by dotted
 * path, validated with every error reported at once ({@link ai.human.config.ConfigException}).
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.fromFile(Path.of("human.json"))
 *         .withOverrides(List.of("face.detector.maxDetected=5"));
 * }</pre>
 */
package ai.human.config;
