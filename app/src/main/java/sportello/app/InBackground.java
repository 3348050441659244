package sportello.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** One piece of startup work done on a thread of its own while the caller goes on with the rest. */
final class InBackground<T> {

    private final FutureTask<T> task;

    private InBackground(FutureTask<T> task) {
        this.task = task;
    }

    static <T> InBackground<T> start(String threadName, Supplier<T> work) {
        var task = new FutureTask<>(work::get);
        Thread.ofPlatform().name(threadName).daemon().start(task);
        return new InBackground<>(task);
    }

    /** The result, or the very exception the work threw, so a startup failure reads as if done in line. */
    T join() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }
}
