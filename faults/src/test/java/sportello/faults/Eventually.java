package sportello.faults;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a generous deadline passes: the suites wait on outcomes, never on delays. */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {}

    /** Waits for {@code condition}; a condition that throws counts as not yet true. */
    static void until(Duration deadline, String what, BooleanSupplier condition) {
        if (!within(deadline, condition)) {
            throw new AssertionError("waited " + deadline.toSeconds() + " s for: " + what);
        }
    }

    /** Whether {@code condition} became true before {@code deadline}. */
    static boolean within(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (holds(condition)) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
