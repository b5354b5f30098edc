package ai.human.backend.tf.internal.graph;

import ai.human.backend.BackendException;
import ai.human.model.AttrValue;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns the loader's typed {@link AttrValue}s back into TensorFlow's {@code AttrValue} protos, and builds the few
 * attribute values the graph rewrites need.
 */
final class ProtoAttrs {
    private ProtoAttrs() {
    }

    static org.tensorflow.proto.AttrValue toProto(AttrValue value) {
        org.tensorflow.proto.AttrValue.Builder out = org.tensorflow.proto.AttrValue.newBuilder();
        switch (value.kind()) {
            case S -> out.setS(ByteString.copyFrom(value.bytes()));
            case I -> out.setI(value.longValue());
            case F -> out.setF(value.floatValue());
            case B -> out.setB(value.boolValue());
            case TYPE -> out.setType(dataType(value.type()));
            case SHAPE -> out.setShape(shape(value.shape()));
            case TENSOR -> out.setTensor(tensorHeader(value.tensor()));
            case FUNC -> out.setFunc(func(value.func()));
            case LIST -> out.setList(list(value.list()));
        }
        return out.build();
    }

    static DataType dataType(String tfName) {
        try {
            return DataType.valueOf(tfName);
        } catch (IllegalArgumentException e) {
            throw new BackendException("Graph attribute names data type '" + tfName + "', which TensorFlow does not"
                    + " know; the model file is damaged or from a newer TensorFlow", e);
        }
    }

    static TensorShapeProto shape(AttrValue.ShapeValue shape) {
        TensorShapeProto.Builder out = TensorShapeProto.newBuilder();
        if (shape.unknownRank()) {
            return out.setUnknownRank(true).build();
        }
        for (long dim : shape.dims()) {
            out.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
        }
        return out.build();
    }

    static TensorShapeProto shape(long[] dims) {
        TensorShapeProto.Builder out = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            out.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
        }
        return out.build();
    }

    /** The dtype and shape of a tensor attribute; the loader keeps tensor values as weights, not here. */
    static TensorProto tensorHeader(AttrValue.TensorValue tensor) {
        return TensorProto.newBuilder().setDtype(dataType(tensor.dtype())).setTensorShape(shape(tensor.shape()))
                .build();
    }

    private static NameAttrList func(AttrValue.FuncValue func) {
        NameAttrList.Builder out = NameAttrList.newBuilder().setName(func.name());
        for (Map.Entry<String, AttrValue> attr : func.attrs().entrySet()) {
            out.putAttr(attr.getKey(), toProto(attr.getValue()));
        }
        return out.build();
    }

    private static org.tensorflow.proto.AttrValue.ListValue list(AttrValue.ListValue list) {
        org.tensorflow.proto.AttrValue.ListValue.Builder out = org.tensorflow.proto.AttrValue.ListValue.newBuilder();
        list.s().forEach(s -> out.addS(ByteString.copyFrom(s)));
        for (long i : list.i()) {
            out.addI(i);
        }
        for (float f : list.f()) {
            out.addF(f);
        }
        for (boolean b : list.b()) {
            out.addB(b);
        }
        list.type().forEach(t -> out.addType(dataType(t)));
        list.shape().forEach(s -> out.addShape(shape(s)));
        list.tensor().forEach(t -> out.addTensor(tensorHeader(t)));
        list.func().forEach(f -> out.addFunc(func(f)));
        return out.build();
    }

    static org.tensorflow.proto.AttrValue type(DataType type) {
        return org.tensorflow.proto.AttrValue.newBuilder().setType(type).build();
    }

    static org.tensorflow.proto.AttrValue types(List<DataType> types) {
        return org.tensorflow.proto.AttrValue.newBuilder()
                .setList(org.tensorflow.proto.AttrValue.ListValue.newBuilder().addAllType(types)).build();
    }

    static org.tensorflow.proto.AttrValue string(String value) {
        return org.tensorflow.proto.AttrValue.newBuilder().setS(ByteString.copyFromUtf8(value)).build();
    }
}
