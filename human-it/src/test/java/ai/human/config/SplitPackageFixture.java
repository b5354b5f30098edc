package ai.human.config;

/**
 * Fixture for the split-package rule: a class of package {@code ai.human.config} (human-config's) that comes from
 * another code source (human-it's test classes). Test code only, never imported as production.
 */
public final class SplitPackageFixture {
}
