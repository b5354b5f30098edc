package ai.human.graph.internal;

import ai.human.backend.Backend;
import ai.human.backend.WeightUse;
import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.ModelException;
import ai.human.model.TensorRef;
import ai.human.model.TensorSpec;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a {@link GraphModelDef} into a {@link CompiledGraph}: resolves every node's op to a kernel (rejecting unknown
 * ops and unsupported attributes), folds subgraphs whose inputs are all constant, and makes each weight a backend
 * tensor once.
 */
final class GraphCompiler {
    /** Constants with at most this many elements keep their Java values (for host-side shape arithmetic). */
    static final int HOST_COPY_LIMIT = 4096;

    private record WeightKey(int node, int port, WeightUse use) {
    }

    private final Backend backend;
    private final GraphModelDef def;
    private final Consumer<Tensor> adopt;
    private final int n;
    private final Map<String, Integer> index;
    private final int[][] inNode;
    private final int[][] inPort;
    private final int[][] control;
    private final Ops.Op[] ops;
    private final Kernel[] kernels;
    private final TensorValue[][] constants;
    private final boolean[] placeholder;
    private final Map<WeightKey, Tensor> weights = new LinkedHashMap<>();
    private final Map<WeightKey, List<Integer>> weightUsers = new HashMap<>();
    /** Inputs whose kernel took a weight at load ({@code [node][input]}); they need no generic copy. */
    private final boolean[][] bound;

    private GraphCompiler(Backend backend, GraphModelDef def, Consumer<Tensor> adopt) {
        this.backend = backend;
        this.def = def;
        this.adopt = adopt;
        List<GraphNode> nodes = def.nodes();
        this.n = nodes.size();
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).name(), i);
        }
        this.inNode = new int[n][];
        this.inPort = new int[n][];
        this.control = new int[n][];
        for (int i = 0; i < n; i++) {
            GraphNode node = nodes.get(i);
            List<TensorRef> refs = node.dataInputRefs();
            inNode[i] = new int[refs.size()];
            inPort[i] = new int[refs.size()];
            for (int j = 0; j < refs.size(); j++) {
                inNode[i][j] = index.get(refs.get(j).node());
                inPort[i][j] = refs.get(j).index();
            }
            control[i] = node.controlInputs().stream().mapToInt(index::get).toArray();
        }
        this.ops = new Ops.Op[n];
        this.kernels = new Kernel[n];
        this.constants = new TensorValue[n][];
        this.placeholder = new boolean[n];
        this.bound = new boolean[n][];
        for (int i = 0; i < n; i++) {
            bound[i] = new boolean[inNode[i].length];
        }
    }

    /**
     * Compiles {@code def} for {@code backend}; {@code adopt} is told about every weight tensor made (to mark it as
     * owned by the model). On failure every weight made so far is closed.
     */
    static CompiledGraph compile(Backend backend, GraphModelDef def, Consumer<Tensor> adopt) {
        GraphCompiler compiler = new GraphCompiler(backend, def, adopt);
        try {
            return compiler.compile();
        } catch (RuntimeException e) {
            compiler.weights.values().forEach(Tensor::close);
            throw e;
        }
    }

    private CompiledGraph compile() {
        List<GraphNode> nodes = def.nodes();
        int[] order = def.executionOrder().stream().mapToInt(node -> index.get(node.name())).toArray();
        int folded = 0;
        for (int i : order) {
            GraphNode node = nodes.get(i);
            switch (node.op()) {
                case "Const" -> constants[i] = new TensorValue[] {constantOf(def.weights().get(node.name()))};
                case "Placeholder" -> placeholder[i] = true;
                default -> {
                    if (compileNode(i)) {
                        folded++;
                    }
                }
            }
        }
        int[] ports = ports();
        List<Tensor> kept = finishConstants();
        return new CompiledGraph(def, Map.copyOf(index), inNode, inPort, control, ops, kernels, constants, placeholder,
                order, ports, kept, folded);
    }

    /** Makes the node's kernel; returns true when the node was folded into a constant. */
    private boolean compileNode(int i) {
        GraphNode node = def.nodes().get(i);
        String where = CompiledGraph.where(def, node);
        Ops.Op op = Ops.find(node.op());
        if (op == null) {
            throw new ModelException(where + ": op " + node.op() + " is not supported by the graph executor; it runs "
                    + Ops.names());
        }
        ops[i] = op;
        int inputs = inNode[i].length;
        TensorValue[] constantInputs = new TensorValue[inputs];
        boolean allConstant = inputs > 0;
        for (int j = 0; j < inputs; j++) {
            TensorValue[] producer = constants[inNode[i][j]];
            if (producer != null && inPort[i][j] < producer.length) {
                constantInputs[j] = producer[inPort[i][j]];
            } else if (producer != null) {
                throw new ModelException(where + ": reads output " + inPort[i][j] + " of constant node '"
                        + def.nodes().get(inNode[i][j]).name() + "', which has " + producer.length + " outputs");
            }
            allConstant &= constantInputs[j] != null;
        }
        NodeContext context = new NodeContext(node, where, constantInputs, (j, use) -> {
            bound[i][j] = true;
            return weight(i, j, use);
        });
        Kernel kernel;
        try {
            kernel = Objects.requireNonNull(op.factory().create(context), "kernel");
        } catch (NodeContext.NodeProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException(where + ": " + e.getMessage(), e);
        }
        if (allConstant && op.kind() == Ops.Kind.PURE) {
            constants[i] = fold(where, kernel, constantInputs);
            dropWeightsOf(i);
            return true;
        }
        kernels[i] = kernel;
        return false;
    }

    /** Runs {@code kernel} on constant inputs now and keeps its outputs as Java values. */
    @SuppressWarnings("try") // the scope closes whatever the kernel made on the backend
    private TensorValue[] fold(String where, Kernel kernel, TensorValue[] inputs) {
        try (TensorScope scope = backend.scope()) {
            Exec exec = new Exec(backend);
            Value[] out;
            try {
                out = kernel.run(exec, inputs.clone());
            } finally {
                exec.closeTemps();
            }
            TensorValue[] result = new TensorValue[out.length];
            for (int k = 0; k < out.length; k++) {
                TensorValue v = Exec.tensor(out[k]);
                result[k] = TensorValue.constant(v.dtype, v.shape, exec.host(v), null);
            }
            return result;
        } catch (RuntimeException e) {
            throw new ModelException(where + ": failed while folding constants at load: " + e.getMessage(), e);
        }
    }

    private static TensorValue constantOf(WeightData w) {
        Object data = switch (w.dtype()) {
            case FLOAT32 -> w.floats();
            case INT32 -> w.ints();
            case UINT8, BOOL -> w.bytes();
        };
        return TensorValue.constant(w.dtype(), w.shape(), data, null);
    }

    /** The backend weight for data input {@code j} of node {@code consumer} (a constant), made once per use. */
    private Tensor weight(int consumer, int j, WeightUse use) {
        WeightKey key = new WeightKey(inNode[consumer][j], inPort[consumer][j], use);
        weightUsers.computeIfAbsent(key, k -> new ArrayList<>()).add(consumer);
        return weights.computeIfAbsent(key, k -> makeWeight(constants[k.node()][k.port()], k.use()));
    }

    private Tensor makeWeight(TensorValue value, WeightUse use) {
        Tensor t = value.dtype == DType.FLOAT32 ? backend.weight((float[]) value.host(), value.shape, use)
                : HostArrays.toTensor(backend, value.dtype, value.shape, value.host());
        try {
            adopt.accept(t);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    private void dropWeightsOf(int node) {
        for (List<Integer> users : weightUsers.values()) {
            users.removeIf(u -> u == node);
        }
    }

    /**
     * Gives each constant a backend copy when a running node reads it as a tensor, keeps Java values only where they
     * are small or the only copy, and closes weights that only folded nodes wanted.
     */
    private List<Tensor> finishConstants() {
        boolean[][] deviceNeeded = new boolean[n][];
        for (int i = 0; i < n; i++) {
            if (kernels[i] == null) {
                continue;
            }
            int count = inNode[i].length;
            for (int j = 0; j < count; j++) {
                int p = inNode[i][j];
                if (constants[p] != null && !bound[i][j] && !ops[i].params().isParam(j, count)) {
                    if (deviceNeeded[p] == null) {
                        deviceNeeded[p] = new boolean[constants[p].length];
                    }
                    deviceNeeded[p][inPort[i][j]] = true;
                    weight(i, j, WeightUse.OTHER);
                }
            }
        }
        List<Tensor> kept = new ArrayList<>();
        for (Map.Entry<WeightKey, Tensor> e : weights.entrySet()) {
            List<Integer> users = weightUsers.getOrDefault(e.getKey(), List.of());
            if (users.isEmpty()) {
                e.getValue().close();
            } else {
                kept.add(e.getValue());
            }
        }
        boolean[][] unboundReader = new boolean[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; kernels[i] != null && j < inNode[i].length; j++) {
                int p = inNode[i][j];
                if (constants[p] != null && !bound[i][j]) {
                    if (unboundReader[p] == null) {
                        unboundReader[p] = new boolean[constants[p].length];
                    }
                    unboundReader[p][inPort[i][j]] = true;
                }
            }
        }
        for (TensorSpec spec : def.outputs()) {
            Integer p = index.get(spec.node());
            if (p != null && constants[p] != null && spec.index() < constants[p].length) {
                if (unboundReader[p] == null) {
                    unboundReader[p] = new boolean[constants[p].length];
                }
                unboundReader[p][spec.index()] = true;
            }
        }
        for (int p = 0; p < n; p++) {
            TensorValue[] values = constants[p];
            if (values == null) {
                continue;
            }
            TensorValue[] finished = new TensorValue[values.length];
            for (int k = 0; k < values.length; k++) {
                TensorValue v = values[k];
                Tensor device = deviceNeeded[p] != null && deviceNeeded[p][k]
                        ? weights.get(new WeightKey(p, k, WeightUse.OTHER)) : null;
                boolean read = unboundReader[p] != null && unboundReader[p][k];
                boolean keepHost = v.size() <= HOST_COPY_LIMIT || device == null && read;
                finished[k] = TensorValue.constant(v.dtype, v.shape, keepHost ? v.host() : null, device);
            }
            constants[p] = finished;
        }
        return kept;
    }

    /** Output ports per node: the highest port any node or signature output reads, plus one. */
    private int[] ports() {
        int[] ports = new int[n];
        java.util.Arrays.fill(ports, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inNode[i].length; j++) {
                ports[inNode[i][j]] = Math.max(ports[inNode[i][j]], inPort[i][j] + 1);
            }
        }
        def.outputs().forEach(spec -> {
            Integer node = index.get(spec.node());
            if (node != null) {
                ports[node] = Math.max(ports[node], spec.index() + 1);
            }
        });
        return ports;
    }
}
