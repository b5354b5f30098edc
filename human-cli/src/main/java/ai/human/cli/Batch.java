package ai.human.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a task over items on {@code threads} worker threads and hands the outcomes to a consumer on the calling thread,
 * in the items' order. At most {@code 2 × threads} outcomes wait at any time, so a long batch needs little memory.
 *
 * @param <I> item
 * @param <O> outcome
 */
final class Batch<I, O> {
    private final int threads;
    private final Function<I, O> task;

    Batch(int threads, Function<I, O> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.threads = threads;
        this.task = task;
    }

    /**
     * Runs everything; {@code consumer} sees each outcome in item order. The task should catch its own failures and
     * return them as outcomes; an exception it throws anyway stops the batch and is thrown here.
     */
    void run(List<I> items, Consumer<O> consumer) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "human-detect-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<O>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < 2 * threads) {
                    I item = items.get(next++);
                    pending.add(pool.submit(() -> task.apply(item)));
                }
                consumer.accept(await(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <O> O await(Future<O> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an image", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
