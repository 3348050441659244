package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.sqlite.HeldWriteTurn.awaitUntil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who gets the write turn when several wait; time is a fake clock, never slept on. */
@Timeout(30)
class WriteTurnTest {

    private final AtomicLong now = new AtomicLong();
    private final WriteTurn turn = new WriteTurn(now::get);
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @Test
    void higherPriorities_goFirst_eachInArrivalOrder() throws Exception {
        assertThat(turn.acquire(WriteTurn.Priority.LAST, 1, TimeUnit.SECONDS)).isTrue();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var waiters = new ArrayList<Future<?>>();
            for (var priority : List.of(
                    WriteTurn.Priority.LAST,
                    WriteTurn.Priority.NEXT,
                    WriteTurn.Priority.FIRST,
                    WriteTurn.Priority.LAST,
                    WriteTurn.Priority.FIRST)) {
                String name = priority + " " + waiters.size();
                waiters.add(threads.submit(() -> takeAndRecord(priority, name)));
                awaitUntil(() -> turn.waiting() == waiters.size());
            }

            turn.release();
        }

        assertThat(order).containsExactly("FIRST 2", "FIRST 4", "NEXT 1", "LAST 0", "LAST 3");
    }

    @Test
    void waiterBypassedForTooLong_goesNext_whateverItsPriority() throws Exception {
        assertThat(turn.acquire(WriteTurn.Priority.FIRST, 1, TimeUnit.SECONDS)).isTrue();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> takeAndRecord(WriteTurn.Priority.LAST, "worker"));
            awaitUntil(() -> turn.waiting() == 1);
            now.addAndGet(WriteTurn.LONGEST_BYPASS.toNanos());
            threads.submit(() -> takeAndRecord(WriteTurn.Priority.FIRST, "store"));
            awaitUntil(() -> turn.waiting() == 2);

            turn.release();
        }

        assertThat(order).containsExactly("worker", "store");
    }

    @Test
    void waiterThatTimesOut_leavesTheQueue_andTheTurnGoesOn() throws Exception {
        assertThat(turn.acquire(WriteTurn.Priority.FIRST, 1, TimeUnit.SECONDS)).isTrue();

        boolean got = turn.acquire(WriteTurn.Priority.LAST, 1, TimeUnit.MILLISECONDS);
        turn.release();

        assertThat(got).isFalse();
        assertThat(turn.waiting()).isZero();
        assertThat(turn.acquire(WriteTurn.Priority.LAST, 1, TimeUnit.SECONDS)).isTrue();
    }

    private Void takeAndRecord(WriteTurn.Priority priority, String name) throws InterruptedException {
        assertThat(turn.acquire(priority, 20, TimeUnit.SECONDS)).isTrue();
        order.add(name);
        turn.release();
        return null;
    }
}
