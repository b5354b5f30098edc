package ai.human.graph.internal;

import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Map;

/** Element-wise ops: arithmetic and comparisons (host-side when all inputs are host values), activations, casts. */
final class ElementwiseKernels {
    private static final Map<String, BinaryOp> BINARY = Map.ofEntries(
            Map.entry("Add", BinaryOp.ADD), Map.entry("AddV2", BinaryOp.ADD), Map.entry("Sub", BinaryOp.SUB),
            Map.entry("Mul", BinaryOp.MUL), Map.entry("RealDiv", BinaryOp.DIV), Map.entry("FloorDiv", BinaryOp.FLOOR_DIV),
            Map.entry("FloorMod", BinaryOp.FLOOR_MOD), Map.entry("Maximum", BinaryOp.MAXIMUM),
            Map.entry("Minimum", BinaryOp.MINIMUM), Map.entry("SquaredDifference", BinaryOp.SQUARED_DIFFERENCE),
            Map.entry("Equal", BinaryOp.EQUAL), Map.entry("Greater", BinaryOp.GREATER),
            Map.entry("GreaterEqual", BinaryOp.GREATER_EQUAL), Map.entry("Less", BinaryOp.LESS),
            Map.entry("LogicalAnd", BinaryOp.LOGICAL_AND));

    private static final Map<String, UnaryOp> UNARY = Map.of(
            "Relu", UnaryOp.RELU, "Relu6", UnaryOp.RELU6, "Sigmoid", UnaryOp.SIGMOID, "Exp", UnaryOp.EXP,
            "Sqrt", UnaryOp.SQRT, "Reciprocal", UnaryOp.RECIPROCAL);

    private ElementwiseKernels() {
    }

    static void register(Ops.Table table) {
        BINARY.forEach((name, op) -> table.add(name, Params.NONE, node -> binary(node, op)));
        UNARY.forEach((name, op) -> table.add(name, Params.NONE, node -> unary(node, op)));
        table.add("AddN", Params.NONE, ElementwiseKernels::addN);
        table.add("Prelu", Params.NONE, node -> {
            node.requireInputs(2, 2);
            return Kernel.of((exec, in) -> Exec.out(exec.backend.prelu(exec.device(in[0]), exec.device(in[1]))));
        });
        table.add("Softmax", Params.NONE, node -> {
            node.requireInputs(1, 1);
            return Kernel.of((exec, in) -> Exec.out(exec.backend.softmax(exec.device(in[0]))));
        });
        table.add("Cast", Params.NONE, ElementwiseKernels::cast);
        table.add("Select", Params.NONE, ElementwiseKernels::select);
        table.add("SelectV2", Params.NONE, ElementwiseKernels::select);
    }

    private static Kernel binary(NodeContext node, BinaryOp op) {
        node.requireInputs(2, 2);
        if (node.hasAttr("incompatible_shape_error") && !node.attrBool("incompatible_shape_error", true)) {
            throw node.fail("incompatible_shape_error=false is not supported");
        }
        return Kernel.of((exec, in) -> {
            if (Exec.allHost(in)) {
                return HostOps.binary(op, (TensorValue) in[0], (TensorValue) in[1]);
            }
            return Exec.out(exec.backend.binary(op, exec.device(in[0]), exec.device(in[1])));
        });
    }

    private static Kernel unary(NodeContext node, UnaryOp op) {
        node.requireInputs(1, 1);
        return Kernel.of((exec, in) -> Exec.out(exec.backend.unary(op, exec.device(in[0]))));
    }

    private static Kernel addN(NodeContext node) {
        if (node.inputCount() < 1) {
            throw node.fail("has no inputs");
        }
        return Kernel.of((exec, in) -> {
            if (in.length == 1) {
                return in[0];
            }
            if (Exec.allHost(in)) {
                TensorValue sum = (TensorValue) in[0];
                for (int i = 1; i < in.length; i++) {
                    sum = HostOps.binary(BinaryOp.ADD, sum, (TensorValue) in[i]);
                }
                return sum;
            }
            Tensor sum = exec.backend.binary(BinaryOp.ADD, exec.device(in[0]), exec.device(in[1]));
            for (int i = 2; i < in.length; i++) {
                Tensor next = exec.backend.binary(BinaryOp.ADD, exec.temp(sum), exec.device(in[i]));
                sum = next;
            }
            return Exec.out(sum);
        });
    }

    private static Kernel cast(NodeContext node) {
        node.requireInputs(1, 1);
        DType to = node.dtype("DstT", null);
        if (to == null) {
            throw node.fail("has no DstT attribute");
        }
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            if (x.dtype == to) {
                return x;
            }
            if (x.hasHost()) {
                return HostOps.cast(x, to);
            }
            return Exec.out(exec.backend.cast(x.device(), to));
        });
    }

    /** TensorFlow 1 {@code Select}: a vector condition picks whole rows of higher-rank operands. */
    private static Kernel select(NodeContext node) {
        node.requireInputs(3, 3);
        boolean rowSelect = node.op().equals("Select");
        return Kernel.of((exec, in) -> {
            TensorValue cond = Exec.tensor(in[0]);
            TensorValue t = Exec.tensor(in[1]);
            TensorValue e = Exec.tensor(in[2]);
            Shape condShape = cond.shape;
            if (rowSelect && condShape.rank() == 1 && t.shape.rank() > 1) {
                int[] dims = new int[t.shape.rank()];
                java.util.Arrays.fill(dims, 1);
                dims[0] = condShape.dim(0);
                condShape = Shape.of(dims);
            }
            if (Exec.allHost(in)) {
                return HostOps.select(TensorValue.host(cond.dtype, condShape, cond.host()), t, e);
            }
            Tensor c = exec.device(cond);
            if (!condShape.equals(cond.shape)) {
                c = exec.temp(exec.backend.reshape(c, condShape));
            }
            return Exec.out(exec.backend.select(c, exec.device(t), exec.device(e)));
        });
    }
}
