package ai.human.backend.tf.internal.graph;

import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.TensorRef;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether Grappler's remapper may run on a model's graph.
 *
 * <p>The remapper fuses a hard-swish written as {@code x * relu6(x + 3) * (1/6)} (in any order of the two
 * multiplications) into oneDNN's exact hard-swish kernel after checking only that the constants are within
 * {@code 1e-2} of 3 and 1/6. A TensorFlow.js model whose weights were quantised to float16 has {@code 0.16662598}
 * instead of {@code 1/6}; the fused kernel then computes another function than the model (and TensorFlow.js) does.
 * Measured on Human's CenterNet (MobileNetV3, nine fused hard-swishes): {@code tower_0/wh} off by up to 1.54 and
 * the top-k detections reordered, while with the remapper off every output is within {@code 2e-3} of TensorFlow.js.
 * Replacing the constants by an exact 1/6 makes the remapper's result agree with the unfused graph again, which
 * pins the cause. So the remapper stays off for any graph with such an inexact hard-swish constant.
 *
 * <pre>{@code
 * boolean remapper = RemapperPolicy.reasonToDisable(centernetDef).isEmpty(); // false
 * }</pre>
 */
public final class RemapperPolicy {
    /** How far from 3 and 1/6 TensorFlow's remapper accepts a hard-swish constant (remapper.cc, VerifyConstants). */
    static final float REMAPPER_TOLERANCE = 1e-2f;
    private static final float THREE = 3f;
    private static final float ONE_SIXTH = 1f / 6f;

    private RemapperPolicy() {
    }

    /**
     * Why the remapper must not run on {@code model}, or empty when it may.
     *
     * @return a sentence naming the first offending hard-swish, for the log
     */
    public static Optional<String> reasonToDisable(GraphModelDef model) {
        Map<String, List<GraphNode>> consumers = consumers(model);
        for (GraphNode relu6 : model.nodes()) {
            if (!relu6.op().equals("Relu6") || relu6.dataInputs().isEmpty()) {
                continue;
            }
            Optional<GraphNode> add = producer(model, relu6.dataInputs().get(0))
                    .filter(n -> n.op().equals("Add") || n.op().equals("AddV2"));
            if (add.isEmpty() || add.get().dataInputs().size() != 2) {
                continue;
            }
            List<String> addInputs = add.get().dataInputs();
            for (int side = 0; side < 2; side++) {
                Optional<Float> three = scalarConstant(model, addInputs.get(side)).filter(v -> near(v, THREE));
                if (three.isEmpty()) {
                    continue;
                }
                String x = addInputs.get(1 - side);
                if (three.get() != THREE) {
                    return Optional.of(describe(relu6, "adds " + three.get() + " instead of 3"));
                }
                Optional<Float> sixth = oneSixthNear(model, consumers, relu6, x);
                if (sixth.isPresent() && sixth.get() != ONE_SIXTH) {
                    return Optional.of(describe(relu6, "multiplies by " + sixth.get() + " instead of 1/6"));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(GraphNode relu6, String what) {
        return "the hard-swish around node '" + relu6.name() + "' " + what
                + ", which TensorFlow's remapper would replace by an exact hard-swish";
    }

    /** The scalar constant near 1/6 of a {@code Mul} that takes the Relu6 or {@code x}, or a product of them. */
    private static Optional<Float> oneSixthNear(GraphModelDef model, Map<String, List<GraphNode>> consumers,
                                                GraphNode relu6, String x) {
        List<GraphNode> muls = new ArrayList<>();
        for (String source : List.of(relu6.name(), TensorRef.parse(x).node())) {
            for (GraphNode mul : consumers.getOrDefault(source, List.of())) {
                if (mul.op().equals("Mul")) {
                    muls.add(mul);
                    consumers.getOrDefault(mul.name(), List.of()).stream().filter(n -> n.op().equals("Mul"))
                            .forEach(muls::add);
                }
            }
        }
        for (GraphNode mul : muls) {
            for (String input : mul.dataInputs()) {
                Optional<Float> value = scalarConstant(model, input).filter(v -> near(v, ONE_SIXTH));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean near(float value, float target) {
        return Math.abs(value - target) <= REMAPPER_TOLERANCE;
    }

    private static Optional<GraphNode> producer(GraphModelDef model, String input) {
        return model.node(TensorRef.parse(input).node());
    }

    private static Optional<Float> scalarConstant(GraphModelDef model, String input) {
        WeightData weight = model.weights().get(TensorRef.parse(input).node());
        if (weight == null || weight.dtype() != DType.FLOAT32 || weight.elementCount() != 1) {
            return Optional.empty();
        }
        return Optional.of(weight.floatBuffer().get(0));
    }

    private static Map<String, List<GraphNode>> consumers(GraphModelDef model) {
        Map<String, List<GraphNode>> consumers = new HashMap<>();
        for (GraphNode node : model.nodes()) {
            for (TensorRef input : node.dataInputRefs()) {
                consumers.computeIfAbsent(input.node(), k -> new ArrayList<>()).add(node);
            }
        }
        return consumers;
    }
}
