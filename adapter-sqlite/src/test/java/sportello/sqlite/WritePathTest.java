package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;
import static sportello.sqlite.HeldWriteTurn.awaitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.StorageUnavailable;

/**
 * How writes reach the file: synced or buffered commits, urgent writes first, one long-lived writer connection,
 * buffered writes of concurrent callers sharing a transaction. Overlap is arranged by holding the write turn.
 */
@Timeout(60)
class WritePathTest {

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private SqliteDatabase database;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("data/sportello.db"));
        database = storage.database();
    }

    @AfterEach
    void tearDown() {
        callers.close();
    }

    @Test
    void bufferedWrite_commitsWithoutSync_syncedAndUrgentWritesWithFullSync() {
        var buffered = database.inWriteTransaction("read", SqliteDatabase.Commit.BUFFERED, WritePathTest::synchronous);
        var synced = database.inWriteTransaction("read", SqliteDatabase.Commit.SYNCED, WritePathTest::synchronous);
        var urgent = database.inWriteTransaction("read", SqliteDatabase.Commit.URGENT, WritePathTest::synchronous);

        assertThat(List.of(buffered, synced, urgent)).containsExactly(1, 2, 2); // NORMAL, FULL, FULL
    }

    @Test
    void bufferedCommit_isSyncedSoonAfter_withoutAnyOtherWrite() {
        storage.inbox().markDone(42); // no such entry: still a buffered commit

        awaitUntil(() -> database.unsyncedCommits() == 0); // the test's timeout bounds the wait
    }

    @Test
    void syncedCommit_syncsTheBufferedOnesBeforeIt() {
        storage.inbox().markDone(42);
        storage.inbox().markDone(43);

        storage.inbox().store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of());

        assertThat(database.unsyncedCommits()).isZero();
    }

    @Test
    void closing_syncsTheBufferedCommitsLeft() {
        storage.inbox().markDone(42);

        database.close();

        assertThat(database.unsyncedCommits()).isZero();
    }

    @Test
    void writeTransactions_shareOneLongLivedConnection() {
        database.useWriteTransaction("make a temporary table", handle -> handle.execute("CREATE TEMP TABLE mine (x)"));

        int rows = database.inWriteTransaction(
                "read it back",
                handle -> handle.createQuery("SELECT count(*) FROM temp.mine")
                        .mapTo(Integer.class)
                        .one());

        assertThat(rows).isZero(); // a new connection would not know the table
    }

    @Test
    void vanishedDataDirectory_failsTheNextWrite_evenWithoutAHealthCheckFirst() throws IOException {
        storage.inbox().store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of());
        deleteRecursively(dir.resolve("data")); // the writer connection still has the deleted file open

        assertThatThrownBy(() -> storage.inbox()
                        .store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.2", "Ciao")), List.of()))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("could not store the delivery")
                .hasMessageContaining("check that DATA_DIR (" + dir.resolve("data") + ") exists, is mounted");
        assertThat(database.isWritable()).isFalse();
    }

    @Test
    void inboxStoresTakeTheTurnFirst_thenTheSendersWrites_thenTheRest() {
        // who goes first among waiters is WriteTurnTest's; here, which writes ask for which place
        assertThat(List.of(
                        SqliteDatabase.Commit.URGENT,
                        SqliteDatabase.Commit.SENDING_SYNCED,
                        SqliteDatabase.Commit.SENDING_BUFFERED,
                        SqliteDatabase.Commit.SYNCED,
                        SqliteDatabase.Commit.BUFFERED))
                .extracting(commit -> commit.priority)
                .containsExactly(
                        WriteTurn.Priority.FIRST,
                        WriteTurn.Priority.NEXT,
                        WriteTurn.Priority.NEXT,
                        WriteTurn.Priority.LAST,
                        WriteTurn.Priority.LAST);
    }

    @Test
    void bufferedWritesQueuedTogether_shareOneTransaction_andAFailingOneFailsAlone() throws Exception {
        var entries = storeTwoMessages();
        var conversation = storage.conversationWith("c1", giulia()).id();
        long commitsBefore = database.bufferedCommits();
        var writes = new ArrayList<Future<?>>();

        try (var turn = HeldWriteTurn.take(database)) {
            writes.add(
                    callers.submit(() -> storage.inbox().markDone(entries.get(0).id())));
            writes.add(callers.submit(
                    () -> storage.outbox().enqueue(new ConversationId("nobody"), Author.BOT, "Ciao", "m-x", T0)));
            writes.add(callers.submit(
                    () -> storage.outbox().enqueue(conversation, Author.BOT, "Buongiorno!", "m-c1", T0)));
            writes.add(
                    callers.submit(() -> storage.inbox().markDone(entries.get(1).id())));
            awaitUntil(() -> database.bufferedWritesWaiting() == 4);
        }

        writes.get(0).get();
        assertThatThrownBy(() -> writes.get(1).get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no conversation nobody");
        writes.get(2).get();
        writes.get(3).get();
        assertThat(database.bufferedCommits() - commitsBefore).isEqualTo(1);
        assertThat(storage.inbox().pending(10)).isEmpty();
        assertThat(storage.outbox().hasReplyTo("m-c1")).isTrue();
        assertThat(storage.outbox().hasReplyTo("m-x")).isFalse();
    }

    @Test
    void bufferedWriteBreakingARule_failsWithWhatToDo_andTheNextOneWorks() {
        var conversation = storage.conversationWith("c1", giulia()).id();

        assertThatThrownBy(() -> database.useWriteTransaction(
                        "insert an orphan message",
                        SqliteDatabase.Commit.BUFFERED,
                        handle -> handle.execute("INSERT INTO message (id, conversation_id, direction, author, kind,"
                                + " text, at, delivery_state) VALUES ('m1', 'nope', 'IN', 'CUSTOMER', 'TEXT', '',"
                                + " '2026-11-25T09:00:00.000000000Z', 'DELIVERED')")))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("could not insert an orphan message")
                .hasMessageContaining("FOREIGN KEY");
        storage.outbox().enqueue(conversation, Author.BOT, "Buongiorno!", "m-c1", T0);

        assertThat(storage.outbox().hasReplyTo("m-c1")).isTrue();
    }

    @Test
    void closedDatabase_refusesBufferedWrites() {
        database.close();

        assertThatThrownBy(() -> storage.inbox().markDone(1))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("could not mark inbox entry 1 done")
                .hasMessageContaining("is closed");
    }

    private List<InboxEntry> storeTwoMessages() {
        storage.inbox()
                .store(
                        StorageOnFile.raw(),
                        List.of(text(giulia(), "wamid.1", "Ciao"), text(giulia(), "wamid.2", "Ci sei?")),
                        List.of());
        return storage.inbox().pending(10);
    }

    private static int synchronous(Handle handle) {
        return handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
