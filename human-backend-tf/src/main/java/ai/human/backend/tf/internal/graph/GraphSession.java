package ai.human.backend.tf.internal.graph;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DataTypeSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphGetTensorNumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphGetTensorShape;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphOperationByName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationGetAttrTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationNumOutputs;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationOutputType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import ai.human.backend.BackendException;
import ai.human.backend.tf.internal.NativeStatus;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * A TensorFlow graph ({@code TF_Graph}) and the one session ({@code TF_Session}) that runs it. Every native object
 * is freed by {@link #close()}; nothing here is left to JavaCPP's garbage-collector deallocators.
 *
 * <p>{@link #run} is thread-safe (TensorFlow's sessions are); {@link #close()} must not overlap a run, which the
 * owning model guarantees.
 *
 * <pre>{@code
 * try (GraphSession session = GraphSession.open("blazeface", GraphDefBuilder.build(def), config.toProto());
 *      TF_Output in = session.outputs(List.of(new Endpoint(session.operation("input"), 0)));
 *      TF_Output out = session.outputs(List.of(new Endpoint(session.operation("Identity"), 0)))) {
 *     TF_Tensor[] results = session.run(in, new TF_Tensor[] {image}, out, 1); // caller deletes the results
 * }
 * }</pre>
 */
final class GraphSession implements AutoCloseable {
    private static final BytePointer VALUE_ATTR = new BytePointer("value");

    private final String name;
    private final TF_Graph graph;
    private final TF_Session session;
    private boolean closed;

    private GraphSession(String name, TF_Graph graph, TF_Session session) {
        this.name = name;
        this.graph = graph;
        this.session = session;
    }

    /**
     * Imports {@code graphDef} into a new graph and opens a session on it.
     *
     * @param name     the model's name, for messages
     * @param graphDef the graph
     * @param config   the session's configuration
     */
    public static GraphSession open(String name, GraphDef graphDef, ConfigProto config) {
        TF_Graph graph = TF_NewGraph();
        try (NativeStatus status = new NativeStatus()) {
            importGraph(name, graph, graphDef.toByteArray(), status);
            TF_Session session = newSession(graph, config.toByteArray(), status);
            status.check("opening a session for model " + name);
            return new GraphSession(name, graph, session);
        } catch (RuntimeException e) {
            TF_DeleteGraph(graph);
            throw e;
        }
    }

    private static void importGraph(String name, TF_Graph graph, byte[] bytes, NativeStatus status) {
        TF_ImportGraphDefOptions options = TF_NewImportGraphDefOptions();
        TF_Buffer buffer = TF_NewBuffer();
        try (BytePointer data = new BytePointer(bytes)) {
            buffer.data(data).length(bytes.length);
            TF_GraphImportGraphDef(graph, buffer, options, status.get());
            status.check("importing the graph of model " + name);
        } finally {
            buffer.data(null).length(0);
            TF_DeleteBuffer(buffer);
            TF_DeleteImportGraphDefOptions(options);
        }
    }

    private static TF_Session newSession(TF_Graph graph, byte[] config, NativeStatus status) {
        TF_SessionOptions options = TF_NewSessionOptions();
        try (BytePointer bytes = new BytePointer(config)) {
            TF_SetConfig(options, bytes, config.length, status.get());
            status.check("setting a session's ConfigProto");
            return TF_NewSession(graph, options, status.get());
        } finally {
            TF_DeleteSessionOptions(options);
        }
    }

    /** The operation called {@code opName}; throws when the graph has none. */
    public TF_Operation operation(String opName) {
        TF_Operation op = TF_GraphOperationByName(graph, opName);
        if (op == null || op.isNull()) {
            throw new BackendException("Model " + name + " has no node '" + opName + "'");
        }
        return op;
    }

    /** Number of outputs of {@code op}. */
    public int outputCount(TF_Operation op) {
        return TF_OperationNumOutputs(op);
    }

    /** The {@code TF_DataType} of output {@code index} of {@code op}. */
    public int outputType(TF_Operation op, int index) {
        try (TF_Output output = new TF_Output(1)) {
            return TF_OperationOutputType(output.oper(op).index(index));
        }
    }

    /**
     * Bytes of the value of the {@code Const} node {@code op} as TensorFlow sizes it: the element count of the shape
     * TensorFlow inferred at import times TensorFlow's size of the element type.
     */
    public long constantBytes(TF_Operation op) {
        try (NativeStatus status = new NativeStatus(); TF_Output output = new TF_Output(1)) {
            output.oper(op).index(0);
            int rank = TF_GraphGetTensorNumDims(graph, output, status.get());
            status.check("reading the rank of a constant of model " + name);
            long[] dims = new long[Math.max(rank, 0)];
            TF_GraphGetTensorShape(graph, output, dims, rank, status.get());
            status.check("reading the shape of a constant of model " + name);
            long elements = 1;
            for (long dim : dims) {
                if (dim < 0) {
                    throw new BackendException("Model " + name + ": TensorFlow does not know the shape of a constant");
                }
                elements *= dim;
            }
            return elements * TF_DataTypeSize(TF_OperationOutputType(output));
        }
    }

    /** A copy of the value of the {@code Const} node {@code op}, as the graph holds it; the caller deletes it. */
    public TF_Tensor constantValue(TF_Operation op) {
        try (NativeStatus status = new NativeStatus(); PointerPointer<TF_Tensor> value = new PointerPointer<>(1)) {
            TF_OperationGetAttrTensor(op, VALUE_ATTR, value, status.get());
            status.check("reading a constant of model " + name);
            return value.get(TF_Tensor.class, 0);
        }
    }

    /** The native {@code TF_Output} array naming {@code outputs}; the caller closes it. */
    public TF_Output outputs(List<Endpoint> outputs) {
        TF_Output array = new TF_Output(Math.max(outputs.size(), 1));
        for (int i = 0; i < outputs.size(); i++) {
            array.position(i).oper(outputs.get(i).op()).index(outputs.get(i).index());
        }
        return array.position(0);
    }

    /** One output of an operation. */
    public record Endpoint(TF_Operation op, int index) {
    }

    /**
     * Runs the graph: feeds {@code inputValues} (not consumed) to {@code inputs}, fetches {@code outputs}.
     *
     * @return one new {@code TF_Tensor} per output, owned by the caller
     */
    public TF_Tensor[] run(TF_Output inputs, TF_Tensor[] inputValues, TF_Output outputs, int outputCount) {
        return run(inputs, inputValues, outputs, outputCount, null, null);
    }

    /**
     * Runs the graph once, deleting its results, and returns the graphs TensorFlow really executed: after Grappler
     * and oneDNN's rewrites, one per device partition. For diagnostics and tests.
     */
    public List<GraphDef> executedGraphs(TF_Output inputs, TF_Tensor[] inputValues, TF_Output outputs,
                                         int outputCount) {
        byte[] options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build().toByteArray();
        TF_Buffer metadata = TF_NewBuffer();
        try (BytePointer optionBytes = new BytePointer(options)) {
            TF_Buffer runOptions = TF_NewBuffer();
            try {
                runOptions.data(optionBytes).length(options.length);
                for (TF_Tensor result : run(inputs, inputValues, outputs, outputCount, runOptions, metadata)) {
                    TF_DeleteTensor(result);
                }
            } finally {
                runOptions.data(null).length(0);
                TF_DeleteBuffer(runOptions);
            }
            byte[] bytes = new byte[(int) metadata.length()];
            new BytePointer(metadata.data()).get(bytes, 0, bytes.length);
            return RunMetadata.parseFrom(bytes).getPartitionGraphsList();
        } catch (InvalidProtocolBufferException e) {
            throw new BackendException("TensorFlow returned run metadata of model " + name + " that does not parse", e);
        } finally {
            TF_DeleteBuffer(metadata);
        }
    }

    private TF_Tensor[] run(TF_Output inputs, TF_Tensor[] inputValues, TF_Output outputs, int outputCount,
                            TF_Buffer runOptions, TF_Buffer metadata) {
        try (NativeStatus status = new NativeStatus();
             PointerPointer<TF_Tensor> in = new PointerPointer<>(Math.max(inputValues.length, 1));
             PointerPointer<TF_Tensor> out = new PointerPointer<>(Math.max(outputCount, 1))) {
            for (int i = 0; i < inputValues.length; i++) {
                in.put(i, inputValues[i]);
            }
            TF_SessionRun(session, runOptions, inputs, in, inputValues.length, outputs, out, outputCount, null, 0,
                    metadata, status.get());
            status.check("running model " + name);
            TF_Tensor[] results = new TF_Tensor[outputCount];
            for (int i = 0; i < outputCount; i++) {
                results[i] = out.get(TF_Tensor.class, i);
            }
            return results;
        }
    }

    /** Closes the session and frees it and the graph. Harmless when already closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (NativeStatus status = new NativeStatus()) {
            TF_CloseSession(session, status.get());
            TF_DeleteSession(session, status.get());
        } finally {
            TF_DeleteGraph(graph);
        }
    }
}
