package ai.human.tck.selftest;

import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.NmsResult;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.backend.spi.ScopeListener;
import ai.human.backend.spi.TensorTracker;
import ai.human.backend.NonMaxSuppression;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ArrayTensor;
import ai.human.backend.reference.ReferenceBackend;
import ai.human.tck.ModelGoldens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Deliberately broken backends, each the reference backend with one realistic bug; the kit must catch every one. */
final class BrokenBackends {
    private BrokenBackends() {
    }

    /** {@code binary} makes a prepared copy of its first operand and never closes it. */
    static final class LeaksAnIntermediate extends ReferenceBackend {
        @Override
        public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
            Tensor prepared = super.reshape(a, a.shape());
            return super.binary(op, prepared, b);
        }
    }

    /** {@code memory()} forgets the UINT8 and BOOL tensors made by {@code fromBytes}. */
    static final class UnderCounts extends ReferenceBackend {
        private final Set<Tensor> fromBytes = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

        @Override
        public Tensor fromBytes(byte[] values, Shape shape, DType dtype) {
            Tensor tensor = super.fromBytes(values, shape, dtype);
            fromBytes.add(tensor);
            return tensor;
        }

        @Override
        public MemoryInfo memory() {
            MemoryInfo real = super.memory();
            long tensors = 0;
            long bytes = 0;
            synchronized (fromBytes) {
                for (Tensor t : fromBytes) {
                    if (!t.isClosed()) {
                        tensors++;
                        bytes += t.byteSize();
                    }
                }
            }
            return new MemoryInfo(real.tensors() - tensors, real.bytes() - bytes, real.peakBytes(), real.byOwner());
        }
    }

    /** A scope whose {@code close()} releases nothing: it hands every tensor made inside to the caller. */
    static final class ScopeForgetsToClose extends ReferenceBackend {
        private final Map<TensorScope, List<Tensor>> made = Collections.synchronizedMap(new IdentityHashMap<>());

        ScopeForgetsToClose() {
            tracker().addScopeListener(new ScopeListener() {
                @Override
                public void tensorAdded(TensorScope scope, Tensor tensor) {
                    made.computeIfAbsent(scope, s -> new ArrayList<>()).add(tensor);
                }

                @Override
                public void tensorKept(TensorScope from, TensorScope to, Tensor tensor) {
                    if (to != null) {
                        made.computeIfAbsent(to, s -> new ArrayList<>()).add(tensor);
                    }
                }
            });
        }

        @Override
        public TensorScope scope() {
            TensorScope real = super.scope();
            return new TensorScope() {
                @Override
                public <T extends Tensor> T keep(T tensor) {
                    return real.keep(tensor);
                }

                @Override
                public int size() {
                    return real.size();
                }

                @Override
                public void close() {
                    List<Tensor> tensors = made.remove(real);
                    if (tensors != null) {
                        tensors.stream().filter(t -> !t.isClosed()).forEach(real::keep);
                    }
                    real.close();
                }
            };
        }
    }

    /** SAME convolution with symmetric padding of {@code k / 2} on every side (PyTorch style), then cropped. */
    static final class SymmetricSamePadding extends ReferenceBackend {
        @Override
        public Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
            if (spec.padding() != Padding.SAME) {
                return super.conv2d(input, filter, spec, fused);
            }
            int padH = filter.shape().dim(0) / 2;
            int padW = filter.shape().dim(1) / 2;
            int outH = (input.shape().dim(1) + spec.strideH() - 1) / spec.strideH();
            int outW = (input.shape().dim(2) + spec.strideW() - 1) / spec.strideW();
            try (TensorScope scope = scope()) {
                Tensor padded = pad(input, new int[][] {{0, 0}, {padH, padH}, {padW, padW}, {0, 0}}, 0f);
                Tensor full = super.conv2d(padded, filter, new ConvSpec(spec.strideH(), spec.strideW(), Padding.VALID), fused);
                return scope.keep(slice(full, new int[4], new int[] {-1, outH, outW, -1}));
            }
        }
    }

    /** {@code reshape} frees its input, as if the result took over its memory: a tensor still in use is freed. */
    static final class FreesATensorInUse extends ReferenceBackend {
        @Override
        public Tensor reshape(Tensor x, Shape shape) {
            Tensor result = super.reshape(x, shape);
            x.close();
            return result;
        }
    }

    /** {@code tidy} runs its body in a scope but forgets to keep the result, so it frees what it returns. */
    static final class TidyFreesItsResult extends ReferenceBackend {
        @Override
        public <R> R tidy(Supplier<R> body) {
            TensorScope scope = scope();
            try {
                return body.get();
            } finally {
                scope.close();
            }
        }
    }

    /** Tensors are released in the bookkeeping, but the engine's arrays are never freed. */
    static final class EngineNeverFrees extends ReferenceBackend {
        @Override
        protected void freeArray(ArrayTensor array) {
            // forgot to free the native array
        }
    }

    /** Half-pixel resize computed with the legacy coordinates (the flag is ignored). */
    static final class IgnoresHalfPixelCenters extends ReferenceBackend {
        @Override
        public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners, boolean halfPixelCenters) {
            return super.resizeBilinear(images, height, width, alignCorners, false);
        }
    }

    /** A model as the backend loaded it, with every call passed on; the broken variants change one thing. */
    private static class ForwardingModel implements Model {
        final Model inner;

        ForwardingModel(Model inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<TensorSpec> inputs() {
            return inner.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return inner.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            return inner.run(inputs);
        }

        @Override
        public long weightBytes() {
            return inner.weightBytes();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /**
     * Each model run keeps a prepared copy of its input "for the next run" in a list that is never evicted: one
     * intermediate per run outlives the run and the model.
     */
    static final class ModelRunKeepsAnIntermediate extends ReferenceBackend {
        @Override
        public Model loadModel(GraphModelDef def) {
            List<Tensor> prepared = Collections.synchronizedList(new ArrayList<>());
            return new ForwardingModel(super.loadModel(def)) {
                @Override
                public Map<String, Tensor> run(Map<String, Tensor> inputs) {
                    Tensor input = inputs.values().iterator().next();
                    prepared.add(TensorTracker.outsideScopes(() -> reshape(input, input.shape())));
                    return super.run(inputs);
                }
            };
        }
    }

    /**
     * Not broken, only limited: its models keep {@code Model}'s default {@code run(inputs, outputNames)}, which fetches
     * signature outputs only and refuses inner graph nodes with a {@code ModelException}.
     */
    static final class SignatureOutputsOnly extends ReferenceBackend {
        @Override
        public Model loadModel(GraphModelDef def) {
            return new ForwardingModel(super.loadModel(def));
        }
    }

    /**
     * Every float output of every model run moved by {@link #DRIFT}: three times the model ratchet's limit for liveness
     * on the reference backend (from the kit's {@code ratchet.json}), far within the spec's element tolerance. A
     * numerical regression of this size passes the spec and only the ratchet catches it.
     */
    static final class DriftsWithinTheSpec extends ReferenceBackend {
        static final double DRIFT = threeRatchets("liveness", "Identity:0");

        static double threeRatchets(String model, String output) {
            try (InputStream in = BrokenBackends.class.getResourceAsStream(ModelGoldens.RESOURCES + "ratchet.json")) {
                JsonNode recorded = new ObjectMapper().readTree(in).path("backends").path(ReferenceBackend.NAME)
                        .path(model).path(output);
                double magnitude = 0;
                for (float v : ModelGoldens.load(model).output(output).floats()) {
                    magnitude = Math.max(magnitude, Math.abs(v));
                }
                double limit = Math.max(2 * recorded.path("maxAbs").asDouble(Double.NaN),
                        Math.ulp((float) magnitude));
                return 3 * limit;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Model loadModel(GraphModelDef def) {
            return new ForwardingModel(super.loadModel(def)) {
                @Override
                public Map<String, Tensor> run(Map<String, Tensor> inputs) {
                    Map<String, Tensor> outputs = super.run(inputs);
                    Map<String, Tensor> moved = new LinkedHashMap<>();
                    outputs.forEach((name, tensor) -> {
                        if (tensor.dtype() != DType.FLOAT32) {
                            moved.put(name, tensor);
                            return;
                        }
                        float[] values = tensor.toFloats();
                        for (int i = 0; i < values.length; i++) {
                            values[i] = (float) (values[i] + DRIFT);
                        }
                        moved.put(name, fromFloats(values, tensor.shape()));
                        tensor.close();
                    });
                    return moved;
                }
            };
        }
    }

    /** {@code Model.close()} marks the model closed but forgets to free its weights. */
    static final class ModelCloseForgetsWeights extends ReferenceBackend {
        @Override
        public Model loadModel(GraphModelDef def) {
            return new ForwardingModel(super.loadModel(def)) {
                @Override
                public void close() {
                    // forgot inner.close(): the weights stay allocated
                }
            };
        }
    }

    /** Weights made by {@code weight()} live in a pool that {@code memory()} forgets: model weights are under-counted. */
    static final class UnderCountsModelWeights extends ReferenceBackend {
        private final Set<Tensor> pool = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

        @Override
        public Tensor weight(float[] values, Shape shape, WeightUse use) {
            Tensor tensor = super.weight(values, shape, use);
            pool.add(tensor);
            return tensor;
        }

        @Override
        public MemoryInfo memory() {
            MemoryInfo real = super.memory();
            Map<Owner, MemoryInfo.Usage> byOwner = new EnumMap<>(real.byOwner());
            long tensors = 0;
            long bytes = 0;
            synchronized (pool) {
                for (Tensor t : pool) {
                    if (!t.isClosed()) {
                        tensors++;
                        bytes += t.byteSize();
                        MemoryInfo.Usage usage = byOwner.get(t.owner());
                        byOwner.put(t.owner(), new MemoryInfo.Usage(usage.tensors() - 1, usage.bytes() - t.byteSize()));
                    }
                }
            }
            return new MemoryInfo(real.tensors() - tensors, real.bytes() - bytes, real.peakBytes(), byOwner);
        }
    }

    /**
     * Resize and crop-and-resize of a UINT8 image work on a FLOAT32 copy that is cached for the next call on the same
     * image and replaced only when another image comes: the copy of the last image outlives the image, so a
     * deallocated input is never given back in full.
     */
    static final class CachesTheConvertedImage extends ReferenceBackend {
        private Tensor source;
        private Tensor converted;

        @Override
        public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners,
                                     boolean halfPixelCenters) {
            return super.resizeBilinear(asFloat(images), height, width, alignCorners, halfPixelCenters);
        }

        @Override
        public Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth) {
            return super.cropAndResize(asFloat(image), boxes, boxIndices, cropHeight, cropWidth);
        }

        private synchronized Tensor asFloat(Tensor image) {
            if (image.dtype() != DType.UINT8) {
                return image;
            }
            if (source != image) {
                if (converted != null) {
                    converted.close();
                }
                converted = TensorTracker.outsideScopes(() -> cast(image, DType.FLOAT32));
                source = image;
            }
            return converted;
        }
    }

    /**
     * {@code resizeBilinear} hands its result through one scratch buffer shared by all calls. On one thread that is
     * harmless; when calls overlap, one reads what another wrote. (The broken op waits up to 300 ms for another call to
     * write, so that the overlap the self-test needs is not left to the scheduler.)
     */
    static final class SharesAScratchBuffer extends ReferenceBackend {
        private float[] scratch = new float[0];
        private final AtomicLong writes = new AtomicLong();

        @Override
        public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners,
                                     boolean halfPixelCenters) {
            Tensor real = super.resizeBilinear(images, height, width, alignCorners, halfPixelCenters);
            float[] values = real.toFloats();
            Shape shape = real.shape();
            real.close();
            long mine;
            synchronized (this) {
                if (scratch.length < values.length) {
                    scratch = new float[values.length];
                }
                System.arraycopy(values, 0, scratch, 0, values.length);
                mine = writes.incrementAndGet();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (writes.get() == mine && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            float[] read;
            synchronized (this) {
                read = Arrays.copyOf(scratch, values.length);
            }
            return fromFloats(read, shape);
        }
    }
}
