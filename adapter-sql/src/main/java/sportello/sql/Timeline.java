package sportello.sql;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code message.prev_at}, the time of the conversation's message just before each one (in the order
 * {@code at, seq}), after messages are inserted. Analytics count a conversation's first message of a day as the one
 * whose predecessor is before the day's start, so they never need DISTINCT over the range.
 */
public final class Timeline {

    private Timeline() {}

    /**
     * Relinks the conversation's messages from {@code earliest} on: the inserted ones and, if a message arrived out of
     * order, the ones after it. Messages arriving in order relink only themselves.
     */
    public static void linkFrom(Handle handle, String conversationId, Instant earliest) {
        handle.createUpdate("UPDATE message SET prev_at = (SELECT p.at FROM message p"
                        + " WHERE p.conversation_id = message.conversation_id AND p.at <= message.at"
                        + " AND (p.at < message.at OR p.seq < message.seq) ORDER BY p.at DESC, p.seq DESC LIMIT 1)"
                        + " WHERE conversation_id = :id AND at >= :from")
                .bind("id", conversationId)
                .bind("from", Timestamps.text(earliest))
                .execute();
    }
}
