package sportello.ports.usecase;

import java.time.Duration;

/** Waiting between retries; tests pass one that returns at once. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
