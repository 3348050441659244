package sportello.postgres;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Which instance processes a customer's messages ({@code customer_lease}). An instance takes the lease of a customer
 * with pending messages when nobody holds it or its holder is no longer alive ({@link Presence}), keeps it while the
 * customer has pending messages, and gives it up when the last one is marked done or failed. Whoever holds the lease
 * is the only one {@link PostgresInbox#pending} shows the customer's messages to, so a conversation is never worked on
 * by two instances at once, however long an answer takes: a lease does not expire while its holder lives.
 */
final class CustomerLeases {

    private CustomerLeases() {}

    /**
     * Takes the leases it can among the customers of the oldest pending messages that no other live instance holds
     * (so customers held elsewhere, say while a slow answer is drafted, never hide the ones behind them), and returns
     * the customers whose lease this instance holds now. Lease rows another transaction is writing are skipped ({@code SKIP LOCKED}), not
     * waited for: that customer is someone else's business this round. A new lease row is inserted with
     * {@code ON CONFLICT DO NOTHING}, so when two instances insert the same customer's at once, one of them has it.
     */
    static List<String> take(Handle handle, int me, int limit) {
        List<String> waiting = handle.createQuery("SELECT i.customer_key FROM inbox_message i"
                        + " LEFT JOIN customer_lease l ON l.customer_key = i.customer_key"
                        + " WHERE i.state = 'pending' AND (l.holder IS NULL OR l.holder = :me OR l.holder NOT IN "
                        + Presence.ALIVE + ") GROUP BY i.customer_key ORDER BY min(i.id) LIMIT :limit")
                .bind("me", me)
                .bind("limit", limit)
                .mapTo(String.class)
                .list();
        if (waiting.isEmpty()) {
            return List.of();
        }
        // Only for customers still pending now: the list above is a statement old, and the customer's last message may
        // have been marked done since (by a lane of this instance, or of the instance that held the lease then), the
        // lease given back; inserting it now would leave a lease on a customer with nothing pending. In key order, so
        // two instances inserting the same customers wait for each other in one order, never in a cycle.
        handle.createUpdate("INSERT INTO customer_lease (customer_key, holder, taken_at)"
                        + " SELECT customer_key, :me, " + NOW + " FROM unnest(:customers) AS c(customer_key)"
                        + " WHERE EXISTS (SELECT 1 FROM inbox_message i WHERE i.customer_key = c.customer_key"
                        + " AND i.state = 'pending')"
                        + " ON CONFLICT (customer_key) DO NOTHING")
                .bind("me", me)
                .bindArray("customers", String.class, waiting.stream().sorted().toList())
                .execute();
        // only the rows to take over are locked: re-reading its own leases on every poll writes nothing, so a poll
        // that takes nothing new costs no commit to disk
        return handle.createQuery("WITH free AS (SELECT customer_key FROM customer_lease"
                        + " WHERE customer_key = ANY(:customers) AND holder <> :me AND holder NOT IN " + Presence.ALIVE
                        + " FOR UPDATE SKIP LOCKED),"
                        + " taken AS (UPDATE customer_lease l SET holder = :me, taken_at = " + NOW
                        + " FROM free WHERE l.customer_key = free.customer_key RETURNING l.customer_key)"
                        + " SELECT customer_key FROM customer_lease WHERE customer_key = ANY(:customers) AND holder = :me"
                        + " UNION SELECT customer_key FROM taken")
                .bind("me", me)
                .bindArray("customers", String.class, waiting)
                .mapTo(String.class)
                .list();
    }

    /**
     * Gives up this instance's lease on the customer if nothing of theirs is pending any more, so any instance may
     * take their next message. A message stored meanwhile is not lost: the next {@link #take} of any instance finds it.
     */
    static void releaseIfDone(Handle handle, int me, String customer) {
        handle.createUpdate("DELETE FROM customer_lease l WHERE l.customer_key = :customer AND l.holder = :me"
                        + " AND NOT EXISTS (SELECT 1 FROM inbox_message i"
                        + " WHERE i.customer_key = :customer AND i.state = 'pending')")
                .bind("customer", customer)
                .bind("me", me)
                .execute();
    }

    /**
     * Gives back the leases of customers with nothing pending that are this instance's or a dead instance's, and
     * returns how many. {@link #releaseIfDone} gives a lease back when its customer's last message is done, but a
     * {@link #take} that read the customer as pending just before that may still insert the lease afterwards (the
     * check in its insert narrows that window to the insert's own statement, it cannot close it), and an instance that
     * died keeps the leases it held until the customer writes again. Such a lease blocks nobody (the holder, or any
     * instance once the holder is dead, takes the customer's next message as usual), but it would stay for good.
     * Rows another transaction is writing are skipped, never waited for.
     */
    static int releaseLeftOver(Handle handle, int me) {
        return handle.createUpdate("DELETE FROM customer_lease l USING (SELECT customer_key FROM customer_lease o"
                        + " WHERE (o.holder = :me OR o.holder NOT IN " + Presence.ALIVE + ")"
                        + " AND NOT EXISTS (SELECT 1 FROM inbox_message i WHERE i.customer_key = o.customer_key"
                        + " AND i.state = 'pending') FOR UPDATE SKIP LOCKED) left_over"
                        + " WHERE l.customer_key = left_over.customer_key")
                .bind("me", me)
                .execute();
    }

    /** The server's clock as stored text, for {@code taken_at}: only shown to people, never compared. */
    private static final String NOW =
            "to_char(clock_timestamp() AT TIME ZONE 'UTC'," + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"000Z\"')";
}
