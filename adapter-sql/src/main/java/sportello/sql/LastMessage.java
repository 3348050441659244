package sportello.sql;

import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code conversation.last_message_*} equal to the conversation's newest message (by time, then by
 * insertion, as the domain orders them), so the conversation list reads one table.
 */
public final class LastMessage {

    private LastMessage() {}

    public static void refresh(Handle handle, String conversationId) {
        handle.createUpdate("UPDATE conversation SET (last_message_at, last_message_text) ="
                        + " (SELECT at, text FROM message WHERE conversation_id = :id ORDER BY at DESC, seq DESC"
                        + " LIMIT 1)"
                        + " WHERE id = :id")
                .bind("id", conversationId)
                .execute();
    }

    /**
     * After retention deleted some of the conversation's messages. The list's copies follow the messages that remain;
     * if none remains, the conversation keeps its place in the list (the time of its last message and of the
     * customer's last message stay) but shows no text, since the text was part of what was forgotten. The unread count
     * counts only messages that still exist.
     */
    public static void afterForgetting(Handle handle, String conversationId) {
        handle.createUpdate("UPDATE conversation SET"
                        + " last_message_at = coalesce((SELECT at FROM message WHERE conversation_id = :id"
                        + " ORDER BY at DESC, seq DESC LIMIT 1), last_message_at),"
                        + " last_message_text = coalesce((SELECT text FROM message WHERE conversation_id = :id"
                        + " ORDER BY at DESC, seq DESC LIMIT 1), ''),"
                        + " last_inbound_at = coalesce((SELECT max(at) FROM message WHERE conversation_id = :id"
                        + " AND direction = 'IN'), last_inbound_at),"
                        + " unread = (SELECT count(*) FROM message WHERE conversation_id = :id AND direction = 'IN'"
                        + " AND at > coalesce(conversation.staff_seen_at, ''))"
                        + " WHERE id = :id")
                .bind("id", conversationId)
                .execute();
    }
}
