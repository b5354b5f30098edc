package ai.human.tck.docs;

import ai.human.backend.reference.ReferenceBackend;

/**
 * Stands in for a third party's backend in {@code docs/running-the-tck.md}, so that the example there compiles as a
 * test; it is the pure-Java reference backend with a method named as an engine's own object count might be.
 */
final class MyBackend extends ReferenceBackend {

    /** The engine's own count of live native objects. */
    long liveNativeObjects() {
        return liveArrays();
    }
}
