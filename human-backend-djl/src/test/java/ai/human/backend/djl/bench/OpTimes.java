package ai.human.backend.djl.bench;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import java.lang.reflect.Field;
import ai.human.tensor.Tensor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Backend} that times every call of another one, keyed by method, enum argument (which binary or unary op)
 * and, optionally, the shapes of the tensor arguments. Wrap a backend, compile a model on the wrapper with
 * {@code GraphExecutor.compile}, run it, then {@link #print}: where the time of a model goes, op by op.
 *
 * <pre>{@code
 * OpTimes times = new OpTimes(djl, true);
 * GraphExecutor model = times.compile(def, djl.tracker());
 * ...
 * times.print(System.out, 20, runs);
 * }</pre>
 */
public final class OpTimes implements InvocationHandler {
    private final Backend target;
    private final boolean withShapes;
    private final Backend proxy;
    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();

    public OpTimes(Backend target, boolean withShapes) {
        this.target = target;
        this.withShapes = withShapes;
        this.proxy = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                this);
    }

    /** The timing backend, to hand to the executor. */
    public Backend backend() {
        return proxy;
    }

    /**
     * Compiles {@code def} on the timing backend. The executor checks that inputs were made by its own backend; inputs
     * are made by the real one, so its input check is pointed at the real backend (a bench-only reflective step).
     */
    public GraphExecutor compile(GraphModelDef def, TensorTracker tracker) {
        GraphExecutor executor = GraphExecutor.compile(proxy, def, tracker);
        try {
            Field bindingField = GraphExecutor.class.getDeclaredField("inputBinding");
            bindingField.setAccessible(true);
            Object binding = bindingField.get(executor);
            Field backendField = binding.getClass().getDeclaredField("backend");
            backendField.setAccessible(true);
            backendField.set(binding, target);
        } catch (ReflectiveOperationException e) {
            executor.close();
            throw new IllegalStateException("The executor's input binding changed; update OpTimes.compile", e);
        }
        return executor;
    }

    /** Forgets what was timed so far (e.g. the load and the warm-up). */
    public void reset() {
        totals.clear();
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        long start = System.nanoTime();
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            long ns = System.nanoTime() - start;
            LongAdder[] t = totals.computeIfAbsent(key(method, args), k -> new LongAdder[] {new LongAdder(),
                new LongAdder()});
            t[0].add(ns);
            t[1].increment();
        }
    }

    private String key(Method method, Object[] args) {
        StringBuilder key = new StringBuilder(method.getName());
        if (args != null) {
            for (Object a : args) {
                if (a instanceof Enum<?> e) {
                    key.append(' ').append(e.name());
                } else if (withShapes && a instanceof Tensor t) {
                    key.append(' ').append(t.shape());
                } else if (a instanceof ai.human.backend.Fused f && f.activation() != null) {
                    key.append(" +").append(f.bias() == null ? "" : "bias,").append(f.activation());
                }
            }
        }
        return key.toString();
    }

    /** Prints the {@code top} most expensive keys: total ms per run, calls per run, microseconds per call. */
    public void print(java.io.PrintStream out, int top, int runs) {
        List<Map.Entry<String, LongAdder[]>> entries = new ArrayList<>(totals.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, LongAdder[]> e) -> e.getValue()[0].sum()).reversed());
        long all = entries.stream().mapToLong(e -> e.getValue()[0].sum()).sum();
        out.printf(Locale.ROOT, "  %9s %7s %9s  %s%n", "ms/run", "calls", "us/call", "op");
        for (int i = 0; i < Math.min(top, entries.size()); i++) {
            LongAdder[] t = entries.get(i).getValue();
            out.printf(Locale.ROOT, "  %9.3f %7.1f %9.1f  %s%n", t[0].sum() / 1e6 / runs, (double) t[1].sum() / runs,
                    t[0].sum() / 1e3 / t[1].sum(), entries.get(i).getKey());
        }
        out.printf(Locale.ROOT, "  %9.3f total ms per run in backend calls%n", all / 1e6 / runs);
    }
}
