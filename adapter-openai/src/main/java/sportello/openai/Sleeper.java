package sportello.openai;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records the delay. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
