package sportello.sqlite;

import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code conversation.last_message_*} equal to the conversation's newest message (by time, then by
 * insertion, as the domain orders them), so the conversation list reads one table.
 */
final class LastMessage {

    private LastMessage() {}

    static void refresh(Handle handle, String conversationId) {
        handle.createUpdate("UPDATE conversation SET (last_message_at, last_message_text) ="
                        + " (SELECT at, text FROM message WHERE conversation_id = :id ORDER BY at DESC, seq DESC"
                        + " LIMIT 1)"
                        + " WHERE id = :id")
                .bind("id", conversationId)
                .execute();
    }
}
