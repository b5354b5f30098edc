import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints, one per line, every op the project's generic graph executor runs (its op table, {@code Ops.names()}), read by
 * reflection from the compiled classes, for scan-ops.mjs to compare the models' op types with.
 *
 * <pre>
 *   java -cp human-api/target/classes golden/models-extra/ExecutorOps.java [op table class]
 * </pre>
 * The op table is {@code ai.human.internal.graph.Ops} today; after the architecture issue it is in human-graph
 * ({@code ai.human.graph.internal.Ops}): both are tried unless a class is named.
 */
public class ExecutorOps {
    public static void main(String[] args) throws Exception {
        String[] candidates = args.length > 0 ? args
                : new String[] {"ai.human.internal.graph.Ops", "ai.human.graph.internal.Ops"};
        for (String name : candidates) {
            Class<?> table;
            try {
                table = Class.forName(name);
            } catch (ClassNotFoundException e) {
                continue;
            }
            Method names = table.getDeclaredMethod("names");
            names.setAccessible(true);
            Set<String> ops = new TreeSet<>();
            for (Object op : (Set<?>) names.invoke(null)) {
                ops.add(op.toString());
            }
            ops.forEach(System.out::println);
            return;
        }
        throw new IllegalStateException("none of " + String.join(", ", candidates)
                + " is on the classpath: compile human-api (or human-graph) first and pass its target/classes with -cp");
    }
}
