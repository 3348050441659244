package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationLanesTest {

    @Test
    void tasksOfOneKey_runOneAtATime_inOrder() throws Exception {
        var order = Collections.synchronizedList(new ArrayList<Integer>());
        var running = new AtomicInteger();
        var maxConcurrent = new AtomicInteger();
        try (var lanes = new ConversationLanes()) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                lanes.submit("giulia", () -> {
                    maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                });
            }
            assertThat(lanes.drain(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(order)
                .isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void differentKeys_runInParallel() throws Exception {
        var bothStarted = new CountDownLatch(2);
        var threads = ConcurrentHashMap.<String>newKeySet();
        try (var lanes = new ConversationLanes()) {
            for (String key : List.of("giulia", "marco")) {
                lanes.submit(key, () -> {
                    threads.add(Thread.currentThread().getName());
                    bothStarted.countDown();
                    try {
                        // each waits for the other: only possible if they run at the same time
                        bothStarted.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(lanes.drain(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(bothStarted.getCount()).isZero();
        assertThat(threads).hasSize(2);
    }

    @Test
    void failingTask_doesNotBlockTheLane() throws Exception {
        var ran = new AtomicInteger();
        try (var lanes = new ConversationLanes()) {
            lanes.submit("giulia", () -> {
                throw new IllegalStateException("boom");
            });
            lanes.submit("giulia", ran::incrementAndGet);
            assertThat(lanes.drain(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(ran.get()).isEqualTo(1);
    }
}
