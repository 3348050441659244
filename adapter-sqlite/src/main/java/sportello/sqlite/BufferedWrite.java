package sportello.sqlite;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * One caller's buffered write, ready to share a transaction with other callers' (see {@link GroupCommit}): it runs
 * in a savepoint of its own, so when it fails only its own changes are undone and only its caller sees the
 * exception; the others commit.
 */
record BufferedWrite(String action, HandleCallback<?, RuntimeException> work) {

    /** What became of one write inside the shared transaction. */
    sealed interface Outcome {
        record Done(Object value) implements Outcome {}

        record Threw(RuntimeException exception) implements Outcome {}
    }

    /** Runs the writes one after the other in the transaction {@code handle} has open. */
    static List<Outcome> runEach(Handle handle, List<BufferedWrite> writes) {
        var outcomes = new ArrayList<Outcome>(writes.size());
        for (var write : writes) {
            handle.execute("SAVEPOINT buffered_write");
            try {
                Object value = write.work().withHandle(handle);
                handle.execute("RELEASE buffered_write");
                outcomes.add(new Outcome.Done(value));
            } catch (RuntimeException e) {
                handle.execute("ROLLBACK TO buffered_write");
                handle.execute("RELEASE buffered_write");
                outcomes.add(new Outcome.Threw(e));
            }
        }
        return outcomes;
    }
}
