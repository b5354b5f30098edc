package ai.human.graph.internal;

import ai.human.backend.Activation;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.Tensor;
import java.util.List;

/** Convolutions (plain and fused), depthwise convolutions, fused matrix products, max pooling and bilinear resize. */
final class NeuralKernels {
    private static final List<List<String>> CONV_FUSIONS = List.of(List.of(), List.of("BiasAdd"),
            List.of("BiasAdd", "Relu"), List.of("BiasAdd", "Relu6"), List.of("BiasAdd", "Prelu"));

    private NeuralKernels() {
    }

    static void register(Ops.Table table) {
        table.add("Conv2D", Params.NONE, node -> conv(node, false, false));
        table.add("_FusedConv2D", Params.NONE, node -> conv(node, false, true));
        table.add("DepthwiseConv2dNative", Params.NONE, node -> conv(node, true, false));
        table.add("FusedDepthwiseConv2dNative", Params.NONE, node -> conv(node, true, true));
        table.add("_FusedMatMul", Params.NONE, NeuralKernels::fusedMatMul);
        table.add("MaxPool", Params.NONE, NeuralKernels::maxPool);
        table.add("ResizeBilinear", Params.of(1), NeuralKernels::resizeBilinear);
    }

    /** The fused tail of a node: bias at data input 2, activation, prelu alpha at data input 3. */
    private record Tail(boolean bias, Activation activation) {
        int args() {
            return (bias ? 1 : 0) + (activation == Activation.PRELU ? 1 : 0);
        }
    }

    private static Kernel conv(NodeContext node, boolean depthwise, boolean fused) {
        ConvSpec spec = convSpec(node, "strides");
        Tail tail = fused ? tail(node) : new Tail(false, Activation.NONE);
        node.requireInputs(2 + tail.args(), 2 + tail.args());
        Tensor filter = node.weight(1, depthwise ? WeightUse.DEPTHWISE_FILTER : WeightUse.CONV2D_FILTER);
        Tensor bias = tail.bias ? node.weight(2, WeightUse.OTHER) : null;
        Tensor alpha = tail.activation == Activation.PRELU ? node.weight(3, WeightUse.OTHER) : null;
        return Kernel.of((exec, in) -> {
            Tensor x = exec.device(in[0]);
            Tensor w = filter != null ? filter : exec.device(in[1]);
            Fused f = fused(exec, in, tail, bias, alpha);
            return Exec.out(depthwise ? exec.backend.depthwiseConv2d(x, w, spec, f)
                    : exec.backend.conv2d(x, w, spec, f));
        });
    }

    private static Kernel fusedMatMul(NodeContext node) {
        Tail tail = tail(node);
        node.requireInputs(2 + tail.args(), 2 + tail.args());
        boolean transposeA = node.attrBool("transpose_a", false);
        boolean transposeB = node.attrBool("transpose_b", false);
        Tensor bias = tail.bias ? node.weight(2, WeightUse.OTHER) : null;
        Tensor alpha = tail.activation == Activation.PRELU ? node.weight(3, WeightUse.OTHER) : null;
        return Kernel.of((exec, in) -> Exec.out(exec.backend.matMul(exec.device(in[0]), exec.device(in[1]),
                transposeA, transposeB, fused(exec, in, tail, bias, alpha))));
    }

    private static Fused fused(Exec exec, Value[] in, Tail tail, Tensor bias, Tensor alpha) {
        if (!tail.bias && tail.activation == Activation.NONE) {
            return Fused.NONE;
        }
        Tensor b = !tail.bias ? null : bias != null ? bias : exec.device(in[2]);
        Tensor a = tail.activation != Activation.PRELU ? null : alpha != null ? alpha : exec.device(in[3]);
        return new Fused(b, tail.activation, a);
    }

    private static Tail tail(NodeContext node) {
        List<String> ops = node.attrStrings("fused_ops");
        if (!CONV_FUSIONS.contains(ops)) {
            throw node.fail("fused_ops " + ops + " is not supported; supported fusions are " + CONV_FUSIONS);
        }
        boolean bias = !ops.isEmpty();
        Activation activation = ops.size() < 2 ? Activation.NONE : switch (ops.get(1)) {
            case "Relu" -> Activation.RELU;
            case "Relu6" -> Activation.RELU6;
            default -> Activation.PRELU;
        };
        Tail tail = new Tail(bias, activation);
        int numArgs = node.attrInt("num_args", tail.args());
        if (numArgs != tail.args()) {
            throw node.fail("num_args is " + numArgs + " but fused_ops " + ops + " takes " + tail.args());
        }
        return tail;
    }

    private static Kernel maxPool(NodeContext node) {
        node.requireInputs(1, 1);
        ConvSpec spec = convSpec(node, "strides");
        int[] ksize = node.attrInts("ksize");
        if (ksize == null || ksize.length != 4 || ksize[0] != 1 || ksize[3] != 1) {
            throw node.fail("ksize must be [1, h, w, 1], got " + java.util.Arrays.toString(ksize));
        }
        int kh = ksize[1];
        int kw = ksize[2];
        return Kernel.of((exec, in) -> Exec.out(exec.backend.maxPool(exec.device(in[0]), kh, kw, spec)));
    }

    private static Kernel resizeBilinear(NodeContext node) {
        node.requireInputs(2, 2);
        boolean alignCorners = node.attrBool("align_corners", false);
        boolean halfPixel = node.attrBool("half_pixel_centers", false);
        if (alignCorners && halfPixel) {
            throw node.fail("align_corners and half_pixel_centers cannot both be true");
        }
        return Kernel.of((exec, in) -> {
            int[] size = exec.ints(in[1]);
            if (size.length != 2) {
                throw new IllegalArgumentException("size must hold [height, width], got " + size.length + " values");
            }
            return Exec.out(exec.backend.resizeBilinear(exec.device(in[0]), size[0], size[1], alignCorners, halfPixel));
        });
    }

    /** Strides and padding of an NHWC window op; rejects what the backends cannot run. */
    static ConvSpec convSpec(NodeContext node, String stridesAttr) {
        String format = node.attrString("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw node.fail("data_format " + format + " is not supported; only NHWC (channels-last) graphs run");
        }
        int[] dilations = node.attrInts("dilations");
        if (dilations != null) {
            for (int d : dilations) {
                if (d != 1) {
                    throw node.fail("dilations " + java.util.Arrays.toString(dilations)
                            + " are not supported; only dilation 1 runs");
                }
            }
        }
        int[] explicit = node.attrInts("explicit_paddings");
        if (explicit != null && explicit.length > 0) {
            throw node.fail("explicit_paddings " + java.util.Arrays.toString(explicit)
                    + " are not supported; only SAME and VALID padding run");
        }
        String padding = node.attrString("padding", "");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw node.fail("padding '" + padding + "' is not supported; only SAME and VALID run");
        }
        int[] strides = node.attrInts(stridesAttr);
        if (strides == null || strides.length != 4 || strides[0] != 1 || strides[3] != 1 || strides[1] < 1
                || strides[2] < 1) {
            throw node.fail(stridesAttr + " must be [1, h, w, 1] with positive h and w, got "
                    + java.util.Arrays.toString(strides));
        }
        return new ConvSpec(strides[1], strides[2], Padding.valueOf(padding));
    }
}
