package ai.human.reliability;

import ai.human.backend.Backend;
import ai.human.model.Model;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that behaves exactly like the one it wraps, except that the model named by {@link #failModel} throws
 * {@link InjectedFault} right after it ran (its outputs already made, as when a later step of a model fails).
 * Counts the runs of every model.
 *
 * <pre>{@code
 * FaultyBackend faults = new FaultyBackend(backend);
 * try (Human human = Human.create(config, faults.backend())) {
 *     faults.failModel("iris");
 *     human.detect(image);   // throws InjectedFault from the iris model
 * }
 * }</pre>
 */
public final class FaultyBackend {
    private final Backend backend;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile String failing;

    /** The exception a failing model throws. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String model) {
            super("injected fault in model " + model);
        }
    }

    public FaultyBackend(Backend real) {
        this.backend = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                handler(real, this::wrapModel));
    }

    /** The wrapping backend, to give to {@code Human.create(config, backend)}. */
    public Backend backend() {
        return backend;
    }

    /** Makes the model of this name (file name without {@code .json}) fail from now on; null for none. */
    public void failModel(String modelName) {
        failing = modelName;
    }

    /** How often the model of this name ran. */
    public int runs(String modelName) {
        AtomicInteger n = runs.get(modelName);
        return n == null ? 0 : n.get();
    }

    private Object wrapModel(Object loaded) {
        Model model = (Model) loaded;
        return Proxy.newProxyInstance(Model.class.getClassLoader(), new Class<?>[] {Model.class}, (proxy, method, args) -> {
            Object result = forward(proxy, model, method, args);
            if (method.getName().equals("run")) {
                runs.computeIfAbsent(model.name(), n -> new AtomicInteger()).incrementAndGet();
                if (model.name().equals(failing)) {
                    throw new InjectedFault(model.name());
                }
            }
            return result;
        });
    }

    private static InvocationHandler handler(Backend real, java.util.function.UnaryOperator<Object> onModel) {
        return (proxy, method, args) -> {
            Object result = forward(proxy, real, method, args);
            return method.getName().equals("loadModel") ? onModel.apply(result) : result;
        };
    }

    private static Object forward(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "Faulty[" + target + "]";
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
