package ai.human.backend.tf.internal.graph;

import ai.human.backend.BackendException;
import ai.human.model.AttrValue;
import ai.human.model.GraphNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Turns the nodes of a TensorFlow.js graph model into nodes TensorFlow 2.18 can import. Measured facts behind it:
 *
 * <ul>
 *   <li>{@code _FusedConv2D} exists in TensorFlow but needs {@code TArgs} (the types of its extra inputs), which
 *       the TensorFlow.js converter drops: filled in from {@code T} and {@code num_args}. Fusions TensorFlow runs
 *       itself are kept (splitting them and letting Grappler fuse them again measured the same).</li>
 *   <li>The fusions TensorFlow.js adds beyond TensorFlow's ({@code [BiasAdd, Prelu]} on {@code _FusedConv2D} or
 *       {@code _FusedMatMul}) and {@code FusedDepthwiseConv2dNative} (TensorFlow.js only) are split into the plain
 *       convolution or matmul, {@code BiasAdd} and the activation.</li>
 *   <li>{@code Prelu} is not a TensorFlow op. When {@code alpha} is a constant with every value in [0, 1] (all of
 *       Human's models), {@code prelu(x) = max(x, alpha * x)}: two ops, bit for bit TensorFlow.js's
 *       {@code x < 0 ? alpha * x : x} (for {@code x < 0}, {@code alpha * x >= x}; otherwise {@code alpha * x <= x}).
 *       Iris, with 53 prelus, measured 3.6 ms this way and 3.9 ms with the general form. Otherwise
 *       {@code prelu(x) = relu(x) + alpha * (x - relu(x))}: the same values ({@code x - relu(x)} is exactly
 *       {@code min(x, 0)}) except that {@code -0} comes out as {@code 0}, with no constant besides {@code alpha}. The multiplication is written {@code alpha * x}
 *       and the maximum {@code max(x, product)}: not the operand order of the remapper's {@code LeakyRelu} pattern,
 *       which assumes a scalar alpha.</li>
 * </ul>
 *
 * A split node's last step keeps the original name, so every consumer still finds it; the steps before it are named
 * {@code <name>/human_<step>}. Everything else is copied as it is (device placements dropped).
 */
final class TfjsRewrites {
    /** Tail op lists TensorFlow's own {@code _FusedConv2D} / {@code _FusedMatMul} CPU kernels run. */
    private static final Set<List<String>> NATIVE_FUSIONS = Set.of(List.of("BiasAdd"), List.of("BiasAdd", "Relu"),
            List.of("BiasAdd", "Relu6"), List.of("BiasAdd", "Elu"), List.of("BiasAdd", "LeakyRelu"));
    private static final Set<String> CONV2D_ATTRS = Set.of("T", "strides", "padding", "explicit_paddings",
            "data_format", "dilations", "use_cudnn_on_gpu");
    private static final Set<String> DEPTHWISE_ATTRS = Set.of("T", "strides", "padding", "explicit_paddings",
            "data_format", "dilations");
    private static final Set<String> MATMUL_ATTRS = Set.of("T", "transpose_a", "transpose_b");

    private final Predicate<String> nameTaken;
    private final Predicate<String> withinZeroOne;

    /**
     * @param nameTaken     whether a node name is already used in the graph
     * @param withinZeroOne whether an input (a tensor name) is a constant whose values all lie in [0, 1]
     */
    TfjsRewrites(Predicate<String> nameTaken, Predicate<String> withinZeroOne) {
        this.nameTaken = nameTaken;
        this.withinZeroOne = withinZeroOne;
    }

    /** The TensorFlow nodes that stand for {@code node}. */
    List<NodeDef> rewrite(GraphNode node) {
        return switch (node.op()) {
            case "_FusedConv2D" -> fused(node, "Conv2D", CONV2D_ATTRS);
            case "_FusedMatMul" -> fused(node, "MatMul", MATMUL_ATTRS);
            case "FusedDepthwiseConv2dNative" -> fused(node, "DepthwiseConv2dNative", DEPTHWISE_ATTRS);
            case "Prelu" -> prelu(node);
            default -> List.of(copy(node, node.op(), node.name(), node.inputs(), a -> true).build());
        };
    }

    private List<NodeDef> fused(GraphNode node, String baseOp, Set<String> baseAttrs) {
        List<String> fusedOps = node.hasAttr("fused_ops") ? node.attrStrings("fused_ops") : List.of();
        List<String> data = node.dataInputs();
        int numArgs = node.attrInt("num_args", data.size() - 2);
        if (data.size() != 2 + numArgs) {
            throw new BackendException("Node '" + node.name() + "' (" + node.op() + ") has " + data.size()
                    + " data inputs but num_args=" + numArgs + " asks for " + (2 + numArgs));
        }
        if (!node.op().equals("FusedDepthwiseConv2dNative") && NATIVE_FUSIONS.contains(fusedOps)) {
            NodeDef.Builder kept = copy(node, node.op(), node.name(), node.inputs(), a -> true);
            if (node.op().equals("_FusedConv2D") && !node.hasAttr("TArgs")) {
                kept.putAttr("TArgs", ProtoAttrs.types(Collections.nCopies(numArgs, elementType(node))));
            }
            return List.of(kept.build());
        }
        Steps steps = new Steps(node);
        List<String> baseInputs = new ArrayList<>(data.subList(0, 2));
        baseInputs.addAll(node.controlInputs().stream().map(c -> "^" + c).toList());
        String x = steps.add(copy(node, baseOp, steps.nextName(fusedOps.isEmpty(), baseOp), baseInputs,
                baseAttrs::contains));
        List<String> args = data.subList(2, data.size());
        int arg = 0;
        for (int i = 0; i < fusedOps.size(); i++) {
            boolean last = i == fusedOps.size() - 1;
            String op = fusedOps.get(i);
            x = switch (op) {
                case "BiasAdd" -> {
                    String biasName = steps.nextName(last, "bias");
                    NodeDef.Builder bias = steps.node("BiasAdd", biasName, x, arg(node, args, arg++));
                    bias.putAttr("data_format", ProtoAttrs.string(node.attrString("data_format", "NHWC")));
                    yield steps.add(bias);
                }
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh" ->
                        steps.add(steps.node(op, steps.nextName(last, op), x));
                case "LeakyRelu" -> {
                    NodeDef.Builder leaky = steps.node(op, steps.nextName(last, op), x);
                    leaky.putAttr("alpha", org.tensorflow.proto.AttrValue.newBuilder()
                            .setF(node.attrFloat("leakyrelu_alpha", 0.2f)).build());
                    yield steps.add(leaky);
                }
                case "Prelu" -> steps.prelu(x, arg(node, args, arg++), last);
                default -> throw new BackendException("Node '" + node.name() + "' (" + node.op() + ") fuses " + fusedOps
                        + "; the TensorFlow backend cannot run the fused op " + op + ". Convert the model without"
                        + " that fusion, or run it on a backend with the generic executor");
            };
        }
        return steps.nodes();
    }

    private static String arg(GraphNode node, List<String> args, int index) {
        if (index >= args.size()) {
            throw new BackendException("Node '" + node.name() + "' (" + node.op() + ") fuses "
                    + node.attrStrings("fused_ops") + " but has only " + args.size() + " extra inputs");
        }
        return args.get(index);
    }

    private List<NodeDef> prelu(GraphNode node) {
        List<String> data = node.dataInputs();
        if (data.size() != 2) {
            throw new BackendException("Node '" + node.name() + "' (Prelu) needs 2 inputs (x, alpha), has " + data);
        }
        Steps steps = new Steps(node);
        steps.prelu(data.get(0), data.get(1), true);
        return steps.nodes();
    }

    private static DataType elementType(GraphNode node) {
        return node.hasAttr("T") ? ProtoAttrs.dataType(node.attrType("T")) : DataType.DT_FLOAT;
    }

    private static NodeDef.Builder copy(GraphNode node, String op, String name, List<String> inputs,
                                        Predicate<String> keepAttr) {
        NodeDef.Builder out = NodeDef.newBuilder().setName(name).setOp(op).addAllInput(inputs);
        for (Map.Entry<String, AttrValue> attr : node.attrs().entrySet()) {
            if (keepAttr.test(attr.getKey())) {
                out.putAttr(attr.getKey(), ProtoAttrs.toProto(attr.getValue()));
            }
        }
        return out;
    }

    /** The nodes one TensorFlow.js node becomes, in order; the last one carries the original name. */
    private final class Steps {
        private final GraphNode node;
        private final org.tensorflow.proto.AttrValue type;
        private final List<NodeDef> nodes = new ArrayList<>();

        Steps(GraphNode node) {
            this.node = node;
            this.type = ProtoAttrs.type(elementType(node));
        }

        String nextName(boolean last, String step) {
            if (last) {
                return node.name();
            }
            String base = node.name() + "/human_" + step;
            String name = base;
            for (int k = 1; nameTaken.test(name) || isStep(name); k++) {
                name = base + "_" + k;
            }
            return name;
        }

        private boolean isStep(String name) {
            return nodes.stream().anyMatch(n -> n.getName().equals(name));
        }

        NodeDef.Builder node(String op, String name, String... inputs) {
            return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs)).putAttr("T", type);
        }

        String add(NodeDef.Builder builder) {
            NodeDef built = builder.build();
            nodes.add(built);
            return built.getName();
        }

        /** {@code max(x, alpha * x)} for a constant alpha in [0, 1], else {@code relu(x) + alpha * (x - relu(x))}. */
        String prelu(String x, String alpha, boolean last) {
            if (withinZeroOne.test(alpha)) {
                String product = add(node("Mul", nextName(false, "prelu_scaled"), alpha, x));
                return add(node("Maximum", nextName(last, "prelu"), x, product));
            }
            String relu = add(node("Relu", nextName(false, "prelu_relu"), x));
            String negative = add(node("Sub", nextName(false, "prelu_negative"), x, relu));
            String scaled = add(node("Mul", nextName(false, "prelu_scaled"), alpha, negative));
            return add(node("AddV2", nextName(last, "prelu"), relu, scaled));
        }

        List<NodeDef> nodes() {
            return List.copyOf(nodes);
        }
    }
}
