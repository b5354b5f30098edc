/**
 * The library's exception hierarchy: {@link ai.human.error.HumanException}, the root of everything thrown on purpose,
 * and {@link ai.human.error.AlreadyClosedException}, the one type for using a closed tensor, backend, model or
 * {@code Human}. The other subtypes live next to what throws them ({@code ConfigException} in {@code ai.human.config},
 * {@code ModelException} in {@code ai.human.model}, {@code BackendException} in {@code ai.human.backend},
 * {@code ImageException} in {@code ai.human.image}).
 */
package ai.human.error;
