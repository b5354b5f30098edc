package ai.human.backend.tf.internal;

import ai.human.backend.Activation;
import ai.human.backend.Padding;
import java.util.List;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * Convolutions, matrix product and pooling, each followed by its {@link FusedTail}.
 *
 * <p>With native fusion on, a bias vector and relu/relu6 run inside TensorFlow's fused CPU kernels
 * ({@code _FusedConv2D}, {@code _FusedMatMul}); otherwise, and always for depthwise convolutions and prelu, the tail
 * is composed from {@code BiasAdd} and activation ops, each intermediate deleted as soon as the
 * next step has consumed it.
 */
public final class NeuralKernels extends Kernels {
    private final MathKernels math;
    private final boolean nativeFusion;

    public NeuralKernels(EagerContext context, MathKernels math, boolean nativeFusion) {
        super(context);
        this.math = math;
        this.nativeFusion = nativeFusion;
    }

    public TFE_TensorHandle conv2d(TFE_TensorHandle input, TFE_TensorHandle filter, int strideH, int strideW,
                                   Padding padding, FusedTail tail) {
        long[] strides = {1, strideH, strideW, 1};
        if (nativeFusion && tail.nativelyFusable()) {
            try (EagerOp op = context.op("_FusedConv2D")) {
                op.input(input).input(filter).inputs(List.of(tail.bias()))
                        .inputs(List.of())
                        .attr("num_args", 1L)
                        .attr("strides", strides).attr("padding", padding.name()).attr("data_format", "NHWC")
                        .attr("fused_ops", fusedOps(tail.activation()));
                return op.executeOne();
            }
        }
        TFE_TensorHandle raw;
        try (EagerOp op = context.op("Conv2D")) {
            raw = op.input(input).input(filter)
                    .attr("strides", strides).attr("padding", padding.name()).attr("data_format", "NHWC")
                    .executeOne();
        }
        return applyTail(raw, tail);
    }

    public TFE_TensorHandle depthwiseConv2d(TFE_TensorHandle input, TFE_TensorHandle filter, int strideH,
                                            int strideW, Padding padding, FusedTail tail) {
        // TensorFlow registers _FusedDepthwiseConv2dNative on the CPU as a no-op placeholder for its oneDNN graph
        // rewrite (run eagerly it returns an empty tensor), so the tail is always composed here
        long[] strides = {1, strideH, strideW, 1};
        TFE_TensorHandle raw;
        try (EagerOp op = context.op("DepthwiseConv2dNative")) {
            raw = op.input(input).input(filter)
                    .attr("strides", strides).attr("padding", padding.name()).attr("data_format", "NHWC")
                    .executeOne();
        }
        return applyTail(raw, tail);
    }

    public TFE_TensorHandle matMul(TFE_TensorHandle a, TFE_TensorHandle b, boolean transposeA, boolean transposeB,
                                   FusedTail tail) {
        if (nativeFusion && tail.nativelyFusable()) {
            try (EagerOp op = context.op("_FusedMatMul")) {
                op.input(a).input(b).inputs(List.of(tail.bias()))
                        .attr("transpose_a", transposeA).attr("transpose_b", transposeB)
                        .attr("fused_ops", fusedOps(tail.activation()));
                return op.executeOne();
            }
        }
        TFE_TensorHandle raw;
        try (EagerOp op = context.op("MatMul")) {
            raw = op.input(a).input(b).attr("transpose_a", transposeA).attr("transpose_b", transposeB).executeOne();
        }
        return applyTail(raw, tail);
    }

    public TFE_TensorHandle maxPool(TFE_TensorHandle input, int windowH, int windowW, int strideH, int strideW,
                                    Padding padding) {
        try (EagerOp op = context.op("MaxPool")) {
            return op.input(input)
                    .attr("ksize", new long[] {1, windowH, windowW, 1})
                    .attr("strides", new long[] {1, strideH, strideW, 1})
                    .attr("padding", padding.name()).attr("data_format", "NHWC")
                    .executeOne();
        }
    }

    private static String[] fusedOps(Activation activation) {
        return switch (activation) {
            case NONE -> new String[] {"BiasAdd"};
            case RELU -> new String[] {"BiasAdd", "Relu"};
            case RELU6 -> new String[] {"BiasAdd", "Relu6"};
            case PRELU -> throw new IllegalArgumentException("prelu is not a TensorFlow fused op");
        };
    }

    /** Applies {@code tail} to {@code raw}, which this method owns: it is deleted once replaced, or on failure. */
    TFE_TensorHandle applyTail(TFE_TensorHandle raw, FusedTail tail) {
        TFE_TensorHandle current = raw;
        try {
            if (tail.bias() != null) {
                current = replace(current, tail.biasRank() == 1
                        ? run("BiasAdd", current, tail.bias())
                        : run("AddV2", current, tail.bias()));
            }
            current = switch (tail.activation()) {
                case NONE -> current;
                case RELU -> replace(current, run("Relu", current));
                case RELU6 -> replace(current, run("Relu6", current));
                case PRELU -> replace(current, math.prelu(current, tail.alpha()));
            };
            return current;
        } catch (RuntimeException e) {
            context.delete(current);
            throw e;
        }
    }

    private TFE_TensorHandle replace(TFE_TensorHandle old, TFE_TensorHandle next) {
        context.delete(old);
        return next;
    }
}
