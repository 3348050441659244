package sportello.faults;

import java.util.function.Supplier;

/** A line every few seconds while a suite waits, so that a slow CI log shows where it is. */
final class Progress {

    private final String suite;
    private long next = System.nanoTime();

    Progress(String suite) {
        this.suite = suite;
    }

    void report(Supplier<String> line) {
        if (System.nanoTime() >= next) {
            next = System.nanoTime() + 5_000_000_000L;
            System.out.println(suite + " " + line.get());
        }
    }
}
