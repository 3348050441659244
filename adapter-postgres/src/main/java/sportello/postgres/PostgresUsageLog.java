package sportello.postgres;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.Usage;
import sportello.ports.out.UsageLog;
import sportello.sql.Timestamps;

/** The model's consumption in PostgreSQL, one {@code model_usage} row per call, the cost kept as exact decimal text. */
public final class PostgresUsageLog implements UsageLog {

    private final PostgresDatabase database;

    public PostgresUsageLog(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void record(ConversationId conversation, List<Usage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        database.useWriteTransaction(
                "record model usage of conversation " + conversation, PostgresDatabase.Commit.BUFFERED, handle -> {
                    var batch = handle.prepareBatch("INSERT INTO model_usage (conversation_id, model, input_tokens,"
                            + " cached_tokens, output_tokens, cost_usd, at)"
                            + " VALUES (:conversation, :model, :input, :cached, :output, :cost, :at)");
                    for (Usage call : usage) {
                        batch.bind("conversation", conversation.value())
                                .bind("model", call.model())
                                .bind("input", call.inputTokens())
                                .bind("cached", call.cachedTokens())
                                .bind("output", call.outputTokens())
                                // toString, not toPlainString: new BigDecimal(toString()) gives back the same scale too
                                .bind("cost", call.costUsd().toString())
                                .bind("at", Timestamps.text(call.at()))
                                .add();
                    }
                    batch.execute();
                });
    }

    @Override
    public List<Usage> of(ConversationId conversation) {
        return database.readOneStatement(
                "read model usage of conversation " + conversation, handle -> of(handle, conversation.value()));
    }

    static List<Usage> of(Handle handle, String conversationId) {
        return handle.createQuery("SELECT model, input_tokens, cached_tokens, output_tokens, cost_usd, at"
                        + " FROM model_usage WHERE conversation_id = :conversation ORDER BY id")
                .bind("conversation", conversationId)
                .map((rs, ctx) -> new Usage(
                        rs.getString("model"),
                        rs.getLong("input_tokens"),
                        rs.getLong("cached_tokens"),
                        rs.getLong("output_tokens"),
                        new BigDecimal(rs.getString("cost_usd")),
                        Timestamps.instant(rs.getString("at"))))
                .list();
    }
}
