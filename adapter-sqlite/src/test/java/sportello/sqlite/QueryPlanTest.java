package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot queries are served by their indexes, without a sort step, so they stay fast at 100k conversations.
 * Checked through SQLite's own query plan rather than by timing.
 */
class QueryPlanTest {

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @BeforeEach
    void setUp() {
        database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
    }

    private List<String> plan(String sql, Map<String, Object> bindings) {
        return database.inReadTransaction(
                "explain",
                handle -> handle.createQuery("EXPLAIN QUERY PLAN " + sql)
                        .bindMap(bindings)
                        .map((rs, ctx) -> rs.getString("detail"))
                        .list());
    }

    @Test
    void conversationList_walksTheLastMessageIndex_withoutSorting() {
        var plan = plan(SqliteConversations.SUMMARY_PAGE, Map.of("limit", 50, "offset", 0));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("conversation_last_message_at"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void pendingInbox_usesThePartialIndex_withoutSorting() {
        var plan = plan(SqliteInbox.PENDING, Map.of("limit", 10));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("inbox_message_pending"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void dueOutbox_usesTheSendIndex() {
        var plan = plan(SqliteOutbox.DUE, Map.of("now", "2026-11-25T09:00:00.000000000Z", "limit", 10));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("message_send_due"));
    }
}
