/**
 * The {@code djl} backend: Human's {@link ai.human.backend.Backend} on DJL with the PyTorch engine (CPU).
 *
 * <p>Putting this module on the classpath registers {@link ai.human.backend.djl.DjlBackendProvider}; select it with
 * {@code backend=djl}. Privacy: before DJL initialises, the backend sets {@code ai.djl.offline=true} and
 * {@code OPT_OUT_TRACKING=true} unless the user set them (or DJL's environment variables) already, so DJL sends no
 * telemetry, reads no cloud metadata and downloads nothing; PyTorch's natives come from the
 * {@code pytorch-native-cpu} jar. See {@link ai.human.backend.djl.DjlBackend}.
 */
package ai.human.backend.djl;
