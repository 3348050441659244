package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;

/** The kept connections compile each statement once, and a kept statement answers like a new one. */
class ReusedStatementsTest {

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private SqliteDatabase database;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("data/sportello.db"));
        database = storage.database();
    }

    private static long prepared(Handle handle) {
        return ((ReusedStatements) handle.getStatementBuilder()).prepared();
    }

    private void arrives(String wamid) {
        storage.inbox()
                .store(
                        new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), TestMessages.T0),
                        List.of(text(giulia(), wamid, "Ciao")),
                        List.of());
    }

    @Test
    void theWorkersRepeatedStatements_areCompiledOncePerConnection() {
        arrives("wamid.1");
        long before =
                database.inWriteTransaction("count", SqliteDatabase.Commit.SYNCED, ReusedStatementsTest::prepared);

        for (int i = 0; i < 50; i++) {
            var entry = storage.inbox().pending(10).getFirst();
            storage.inbox().markDone(entry.id());
            database.useWriteTransaction(
                    "reopen", h -> h.execute("UPDATE inbox_message SET state = 'pending' WHERE id = ?", entry.id()));
        }

        long after = database.inWriteTransaction("count", SqliteDatabase.Commit.SYNCED, ReusedStatementsTest::prepared);
        assertThat(after - before)
                .as("statements compiled on the writer for 100 writes")
                .isLessThanOrEqualTo(10);
        long reads = database.inReadTransaction("count", ReusedStatementsTest::prepared);
        assertThat(reads).as("statements compiled on a reader for 50 reads").isLessThanOrEqualTo(2);
    }

    @Test
    void keptStatement_getsFreshParameters_andNestedUsesOfTheSameSqlEachGetTheirOwn() {
        arrives("wamid.1");
        arrives("wamid.2");
        String sql = "SELECT channel_message_id FROM inbox_message WHERE channel_message_id = ?";

        var found = database.inReadTransaction(
                "nested",
                h -> h.createQuery(sql)
                        .bind(0, "wamid.1")
                        .mapTo(String.class)
                        .map(outer -> outer + "/"
                                + h.createQuery(sql)
                                        .bind(0, "wamid.2")
                                        .mapTo(String.class)
                                        .one())
                        .list());
        var again = database.inReadTransaction(
                "again",
                h -> h.createQuery(sql).bind(0, "wamid.2").mapTo(String.class).list());

        assertThat(found).containsExactly("wamid.1/wamid.2");
        assertThat(again).containsExactly("wamid.2");
    }

    @Test
    void aStatementThatFailed_leavesTheNextUseOfItsSqlWorking() {
        arrives("wamid.1");
        String insert = "INSERT INTO health_probe (id, checks) VALUES (?, 1)";
        database.useWriteTransaction("first", h -> h.execute(insert, 1));

        assertThatThrownBy(() -> database.useWriteTransaction("duplicate", h -> h.execute(insert, 1)))
                .isInstanceOf(StorageUnavailable.class);
        database.useWriteTransaction("empty", h -> h.execute("DELETE FROM health_probe"));
        database.useWriteTransaction("next", h -> h.execute(insert, 1));

        int rows = database.inReadTransaction(
                "count",
                h -> h.createQuery("SELECT count(*) FROM health_probe")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }
}
