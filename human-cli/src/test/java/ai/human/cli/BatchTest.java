package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void outcomesArriveInItemOrderEvenWhenLaterItemsFinishFirst() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        Batch<Integer, String> batch = new Batch<>(3, item -> {
            if (item == 0) {
                await(lastDone);            // the first item finishes only after the third
            }
            if (item == 2) {
                lastDone.countDown();
            }
            return "item" + item;
        });

        batch.run(List.of(0, 1, 2), seen::add);

        assertThat(seen).containsExactly("item0", "item1", "item2");
    }

    @Test
    void oneThreadRunsEverythingInOrder() {
        List<Integer> seen = new ArrayList<>();

        new Batch<Integer, Integer>(1, item -> item * 10).run(List.of(3, 1, 2), seen::add);

        assertThat(seen).containsExactly(30, 10, 20);
    }

    @Test
    void anExceptionFromTheTaskStopsTheBatch() {
        Batch<Integer, Integer> batch = new Batch<>(2, item -> {
            if (item == 1) {
                throw new IllegalStateException("item 1 broke");
            }
            return item;
        });

        assertThatThrownBy(() -> batch.run(List.of(0, 1, 2), x -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("item 1 broke");
    }

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> new Batch<Integer, Integer>(0, x -> x)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the third item never ran alongside the first");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
