package ai.human.backend.tf.internal.graph;

import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.TensorRef;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Builds the TensorFlow {@link GraphDef} of a TensorFlow.js graph model: its nodes after {@link TfjsRewrites}, and
 * each weight as the {@code Const} node it was before conversion, holding its decoded values.
 *
 * <p>Why constants and not placeholders fed from weight tensors on every run (measured): TensorFlow 1 while-loops
 * (handtrack) put constants inside the loop frame through control inputs, which a placeholder cannot take part in;
 * and constant filters let oneDNN prepare each filter once instead of on every run (facemesh 2.3 ms with constants,
 * 11.2 ms with fed weights).
 *
 * <pre>{@code
 * GraphDef graph = GraphDefBuilder.build(new ModelLoader().load(null, "facemesh.json"));
 * }</pre>
 */
final class GraphDefBuilder {

    private GraphDefBuilder() {
    }

    /** The graph of {@code model}, ready to import. */
    public static GraphDef build(GraphModelDef model) {
        Set<String> names = new HashSet<>();
        model.nodes().forEach(n -> names.add(n.name()));
        TfjsRewrites rewrites = new TfjsRewrites(names::contains, input -> withinZeroOne(model, input));
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (GraphNode node : model.nodes()) {
            if (node.op().equals("Const")) {
                graph.addNode(constant(node, model.weights().get(node.name())));
            } else {
                graph.addAllNode(rewrites.rewrite(node));
            }
        }
        return graph.build();
    }

    private static boolean withinZeroOne(GraphModelDef model, String input) {
        WeightData weight = model.weights().get(TensorRef.parse(input).node());
        if (weight == null || weight.dtype() != DType.FLOAT32) {
            return false;
        }
        FloatBuffer values = weight.floatBuffer();
        while (values.hasRemaining()) {
            float v = values.get();
            if (!(v >= 0f && v <= 1f)) {
                return false;
            }
        }
        return true;
    }

    private static NodeDef constant(GraphNode node, WeightData weight) {
        DataType type = dataType(weight);
        TensorProto value = TensorProto.newBuilder()
                .setDtype(type)
                .setTensorShape(ProtoAttrs.shape(weight.shape().toLongArray()))
                .setTensorContent(UnsafeByteOperations.unsafeWrap(littleEndianBytes(weight)))
                .build();
        return NodeDef.newBuilder().setName(node.name()).setOp("Const").addAllInput(node.inputs())
                .putAttr("dtype", ProtoAttrs.type(type))
                .putAttr("value", org.tensorflow.proto.AttrValue.newBuilder().setTensor(value).build())
                .build();
    }

    private static DataType dataType(WeightData weight) {
        return switch (weight.dtype()) {
            case FLOAT32 -> DataType.DT_FLOAT;
            case INT32 -> DataType.DT_INT32;
            case UINT8 -> DataType.DT_UINT8;
            case BOOL -> DataType.DT_BOOL;
        };
    }

    private static byte[] littleEndianBytes(WeightData weight) {
        byte[] bytes = new byte[Math.toIntExact(weight.byteSize())];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (weight.dtype()) {
            case FLOAT32 -> buffer.asFloatBuffer().put(weight.floatBuffer());
            case INT32 -> buffer.asIntBuffer().put(weight.intBuffer());
            case UINT8, BOOL -> buffer.put(weight.byteBuffer());
        }
        return bytes;
    }
}
