package ai.human;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Stand-ins for Human's seven face models with the real signatures and plausible, input-dependent outputs, so the
 * facade and pipeline logic (ownership, caching, errors, input handling) can be tested on any backend without model
 * execution. Each holds one weight tensor owned by {@link Owner#MODEL}. Outputs depend on the mean of the input, so
 * different pixels give different results and the same pixels the same ones.
 */
final class FakeFaceModels implements Function<GraphModelDef, Model> {
    private final Backend backend;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile String failingModel;
    private volatile String leakingModel;
    private final List<Tensor> leaked = new CopyOnWriteArrayList<>();
    private volatile float meshConfidence = 0.95f;

    FakeFaceModels(Backend backend) {
        this.backend = backend;
    }

    /** How often the model {@code name} ran. */
    int runs(String name) {
        return runs.getOrDefault(name, new AtomicInteger()).get();
    }

    /** The face score the fake mesh gives. */
    void meshConfidence(float value) {
        meshConfidence = value;
    }

    /** Makes {@code name} throw when it runs (null: none). */
    void failOn(String name) {
        failingModel = name;
    }

    /**
     * Makes {@code name} leak one tensor per run (null: none): made outside every scope and held here, as a model with
     * a forgotten cache would. For the tests that show the release checks catch a leak.
     */
    void leakOn(String name) {
        leakingModel = name;
    }

    @Override
    public Model apply(GraphModelDef def) {
        return new FakeModel(def);
    }

    private final class FakeModel implements Model {
        private final GraphModelDef def;
        private final Tensor weight;

        FakeModel(GraphModelDef def) {
            this.def = def;
            this.weight = backend.fromFloats(new float[16], Shape.of(16));
            TensorTracker.transfer(weight, Owner.MODEL);
        }

        @Override
        public String name() {
            return def.name();
        }

        @Override
        public List<TensorSpec> inputs() {
            return def.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return def.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            runs.computeIfAbsent(name(), k -> new AtomicInteger()).incrementAndGet();
            if (name().equals(failingModel)) {
                throw new IllegalStateException("fake " + name() + " failed on purpose");
            }
            if (name().equals(leakingModel)) {
                leaked.add(TensorTracker.outsideScopes(() -> backend.fromFloats(new float[4], Shape.of(4))));
            }
            Tensor input = inputs.values().iterator().next();
            float[] values = input.toFloats();
            double mean = 0;
            for (float v : values) {
                mean += v;
            }
            mean /= values.length;
            int batch = input.shape().dim(0);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (TensorSpec spec : def.outputs()) {
                int[] dims = spec.shape();
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = dims[i] < 0 ? batch : dims[i];
                }
                Shape shape = Shape.of(dims);
                out.put(spec.name(), backend.fromFloats(values(spec, shape, mean), shape));
            }
            return out;
        }

        private float[] values(TensorSpec spec, Shape shape, double mean) {
            float[] v = new float[(int) shape.size()];
            switch (def.name()) {
                case "blazeface" -> blazeface(spec, shape, v);
                case "facemesh" -> facemesh(spec, v, mean);
                case "iris" -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = 20 + (float) ((i * 37 % 23) + mean * 3);
                    }
                }
                case "emotion" -> System.arraycopy(new float[] {0.05f, 0.02f, 0.03f, 0.6f, 0.1f, 0.05f, 0.15f}, 0, v, 0, 7);
                case "faceres" -> faceres(spec, v, mean);
                case "antispoof" -> v[0] = 0.73f;
                case "liveness" -> {
                    v[0] = 0.88f;
                    v[1] = 0.12f;
                }
                default -> throw new IllegalArgumentException("no fake for model " + def.name());
            }
            return v;
        }

        /** Two faces: a strong one at anchor (136, 120), a weaker one at anchor (40, 200), both in the 16x16 grid. */
        private void blazeface(TensorSpec spec, Shape shape, float[] v) {
            int anchors = shape.dim(1);
            int width = shape.dim(2);
            if (anchors == 384 && width == 1 || anchors == 512 && width == 1) {
                java.util.Arrays.fill(v, -10f);
                if (anchors == 512) {
                    v[strong()] = 5f;
                    v[weak()] = 2f;
                }
            } else if (anchors == 512) {
                fillFace(v, strong(), 48);
                fillFace(v, weak(), 32);
            }
        }

        private int strong() {
            return (7 * 16 + 8) * 2;
        }

        private int weak() {
            return (12 * 16 + 2) * 2;
        }

        private void fillFace(float[] v, int anchor, float size) {
            int o = anchor * 16;
            v[o + 2] = size;
            v[o + 3] = size;
            float[] keypoints = {-8, -5, 8, -5, 0, 2, 0, 10, -20, 0, 20, 0};
            System.arraycopy(keypoints, 0, v, o + 4, keypoints.length);
        }

        private void facemesh(TensorSpec spec, float[] v, double mean) {
            if (v.length == 1) {
                v[0] = meshConfidence;
            } else if (v.length == 1404) {
                for (int i = 0; i < 468; i++) {
                    v[i * 3] = 40 + (i * 53 % 110) + (float) (mean * 5);
                    v[i * 3 + 1] = 40 + (i * 29 % 110);
                    v[i * 3 + 2] = (i % 7) - 3;
                }
                // the extremes, centred on the crop so that boxes recomputed from the mesh do not drift
                setPoint(v, 10, 96, 30);
                setPoint(v, 152, 96, 162);
                setPoint(v, 234, 30, 96);
                setPoint(v, 454, 162, 96);
            }
        }

        private void setPoint(float[] v, int index, float x, float y) {
            v[index * 3] = x;
            v[index * 3 + 1] = y;
        }

        private void faceres(TensorSpec spec, float[] v, double mean) {
            if (v.length == 1) {
                v[0] = 0.2f;
            } else if (v.length == 100) {
                v[29] = 0.1f;
                v[30] = 0.5f;
                v[31] = 0.3f;
            } else {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Math.sin(i + mean * 10);
                }
            }
        }

        @Override
        public long weightBytes() {
            return weight.byteSize();
        }

        @Override
        public void close() {
            weight.close();
        }
    }

    /** Names of the models that ran at least once. */
    List<String> ran() {
        return new ArrayList<>(runs.keySet());
    }
}
