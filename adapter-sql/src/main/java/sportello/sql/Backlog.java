package sportello.sql;

import org.jdbi.v3.core.Handle;

/** Work not finished yet, counted on the indexed state columns. */
public final class Backlog {

    private Backlog() {}

    /** Customer messages stored but not handled. */
    public static int pending(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM inbox_message WHERE state = 'pending'")
                .mapTo(Integer.class)
                .one();
    }

    /** Outgoing messages neither accepted nor given up on. */
    public static int unsent(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM message WHERE send_state IN ('queued', 'sending', 'in_doubt')")
                .mapTo(Integer.class)
                .one();
    }
}
