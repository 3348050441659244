package sportello.sql;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import sportello.domain.conversation.Author;

/**
 * Keeps {@code customer_turn}: a customer's message asking for an answer opens a turn unless one is open already;
 * our next message closes it with who answered and how long it took. Response times then read closed turns only.
 */
public final class CustomerTurns {

    private CustomerTurns() {}

    public static void asked(Handle handle, String conversationId, Instant at) {
        // customer_turn_open allows one open turn per conversation: a follow-up question joins it
        handle.createUpdate("INSERT INTO customer_turn (conversation_id, asked_at) VALUES (:id, :at)"
                        + " ON CONFLICT DO NOTHING")
                .bind("id", conversationId)
                .bind("at", Timestamps.text(at))
                .execute();
    }

    public static void answered(Handle handle, String conversationId, Author author, Instant at) {
        handle.createQuery("SELECT id, asked_at FROM customer_turn WHERE conversation_id = :id AND answered_at IS NULL")
                .bind("id", conversationId)
                .map((rs, ctx) -> new OpenTurn(rs.getLong("id"), Timestamps.instant(rs.getString("asked_at"))))
                .findOne()
                .ifPresent(turn -> handle.createUpdate("UPDATE customer_turn SET answered_at = :at,"
                                + " answered_by = :author, response_nanos = :nanos WHERE id = :turn")
                        .bind("turn", turn.id())
                        .bind("at", Timestamps.text(at))
                        .bind("author", author.name())
                        .bind("nanos", Duration.between(turn.askedAt(), at).toNanos())
                        .execute());
    }

    private record OpenTurn(long id, Instant askedAt) {}
}
