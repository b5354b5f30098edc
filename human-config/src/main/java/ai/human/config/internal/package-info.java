/**
 * Implementation of the config model: schema read from the records, JSON reading and writing,
 * Human's {@code mergeDeep}, validation, overrides and the list of unsupported options. Not API:
 * may change without notice.
 */
package ai.human.config.internal;
