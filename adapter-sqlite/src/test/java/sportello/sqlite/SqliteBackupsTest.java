package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;
import static sportello.ports.fake.TestMessages.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;

/** Backups taken while Sportello runs, checked, and put back with {@code sportello restore}. */
class SqliteBackupsTest {

    @TempDir
    Path dir;

    private Path databaseFile() {
        return dir.resolve("data/sportello.db");
    }

    private static int count(SqliteDatabase database, String table) {
        return database.inReadTransaction(
                "count",
                handle -> handle.createQuery("SELECT count(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }

    private static void store(StorageOnFile storage, int i) {
        storage.inbox().store(StorageOnFile.raw(), List.of(text(giulia(), "wamid." + i, "messaggio " + i)), List.of());
    }

    @Test
    void backupWhileWritesGoOn_isConsistent_andOpensWithAllDataCommittedBeforeIt() throws Exception {
        var storage = StorageOnFile.open(databaseFile());
        for (int i = 0; i < 200; i++) {
            store(storage, i);
        }
        var backups = new SqliteBackups(storage.database());
        var writing = new AtomicBoolean(true);
        var written = new AtomicInteger(200);
        var executor = Executors.newSingleThreadExecutor();
        var writer = executor.submit(() -> {
            while (writing.get()) {
                store(storage, written.getAndIncrement());
            }
            return null;
        });
        var files = new ArrayList<Path>();
        var committedBefore = new ArrayList<Integer>();
        try {
            for (int b = 0; b < 5; b++) {
                committedBefore.add(count(storage.database(), "inbox_message"));
                var file = dir.resolve("backups/sportello-" + b + ".db");
                backups.backupTo(file);
                files.add(file);
            }
        } finally {
            writing.set(false);
            writer.get();
            executor.shutdown();
        }

        assertThat(written.get()).isGreaterThan(200); // the writer did run during the backups
        for (int b = 0; b < files.size(); b++) {
            var file = files.get(b);
            assertThat(SqliteBackups.verify(file).ok()).as(file.toString()).isTrue();
            var copy = SqliteDatabase.migrated(file);
            int messages = count(copy, "inbox_message");
            // every store writes a delivery and its message in one transaction: a torn copy would differ
            assertThat(count(copy, "webhook_delivery")).isEqualTo(messages);
            assertThat(messages).isGreaterThanOrEqualTo(committedBefore.get(b));
        }
        assertThat(dir.resolve("backups")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void restore_bringsBackExactlyWhatWasBackedUp() {
        var storage = StorageOnFile.open(databaseFile());
        var conversation = storage.conversationWith("c1", giulia());
        storage.outbox()
                .enqueue(
                        conversation.id(),
                        Author.BOT,
                        "Ciao Giulia",
                        "m-c1",
                        sportello.ports.fake.TestMessages.T0.plusSeconds(1));
        var backup = dir.resolve("backups/sportello-1.db");
        new SqliteBackups(storage.database()).backupTo(backup);
        storage.conversationWith("c2", marco());
        store(storage, 1);
        // Sportello stops here

        SqliteBackups.restore(backup, databaseFile());

        var restored = StorageOnFile.open(databaseFile());
        assertThat(restored.conversations().byId(new ConversationId("c1")))
                .hasValueSatisfying(c -> assertThat(c.messages()).hasSize(2));
        assertThat(restored.conversations().byId(new ConversationId("c2"))).isEmpty();
        assertThat(restored.inbox().pending(10)).isEmpty();
        assertThat(restored.outbox().unsentCount()).isEqualTo(1);
    }

    @Test
    void restore_keepsTheReplacedDatabaseAndItsWalBesideIt_underOneName() throws Exception {
        var storage = StorageOnFile.open(databaseFile());
        var backup = dir.resolve("backup.db");
        new SqliteBackups(storage.database()).backupTo(backup);
        // a process killed with its last commit still in the WAL: copy the files while a connection holds the WAL
        var crashed = dir.resolve("crashed/sportello.db");
        Files.createDirectories(crashed.getParent());
        var source = new org.sqlite.SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + databaseFile());
        try (var holder = source.getConnection();
                var sql = holder.createStatement()) {
            sql.execute("PRAGMA wal_autocheckpoint = 0");
            sql.executeQuery("SELECT count(*) FROM conversation").close();
            storage.conversationWith("c2", marco());
            for (String suffix : List.of("", "-wal")) {
                Files.copy(Path.of(databaseFile() + suffix), Path.of(crashed + suffix));
            }
        }

        assertThat(Path.of(crashed + "-wal")).isNotEmptyFile();

        SqliteBackups.restore(backup, crashed);

        List<String> names;
        try (Stream<Path> files = Files.list(crashed.getParent())) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("sportello.db").doesNotContain("sportello.db-wal");
        var aside = names.stream()
                .filter(n -> n.matches("sportello\\.db\\.before-restore-\\d{8}T\\d{6}Z"))
                .findFirst();
        assertThat(aside).isPresent();
        assertThat(names).contains(aside.get() + "-wal");
        var replaced = StorageOnFile.open(crashed.resolveSibling(aside.get()));
        assertThat(replaced.conversations().byId(new ConversationId("c2"))).isPresent();
        assertThat(StorageOnFile.open(crashed).conversations().byId(new ConversationId("c2")))
                .isEmpty();
    }

    @Test
    void fileThatIsNotSqlite_isRefused_andTheDatabaseIsNotTouched() throws IOException {
        var storage = StorageOnFile.open(databaseFile());
        storage.conversationWith("c1", giulia());
        var bytes = Files.readAllBytes(databaseFile());
        var notADatabase = Files.writeString(dir.resolve("backup.db"), "this is not a database, just some text");

        var verification = SqliteBackups.verify(notADatabase);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.message()).contains(notADatabase.toString()).contains("is not an SQLite database");
        assertThatThrownBy(() -> SqliteBackups.restore(notADatabase, databaseFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not restoring")
                .hasMessageContaining("is not an SQLite database")
                .hasMessageContaining("was not changed");
        assertThat(Files.readAllBytes(databaseFile())).isEqualTo(bytes);
        assertThat(StorageOnFile.open(databaseFile()).conversations().byId(new ConversationId("c1")))
                .isPresent();
    }

    @Test
    void damagedBackup_isRefused() throws IOException {
        var storage = StorageOnFile.open(databaseFile());
        for (int i = 0; i < 300; i++) {
            store(storage, i);
        }
        var backup = dir.resolve("backup.db");
        new SqliteBackups(storage.database()).backupTo(backup);
        var bytes = Files.readAllBytes(backup);
        // scribble over the middle of the file, keeping the header
        for (int i = bytes.length / 2; i < bytes.length / 2 + 8192; i++) {
            bytes[i] = (byte) 0x5a;
        }
        var damaged = Files.write(dir.resolve("damaged.db"), bytes);
        var truncated = Files.write(dir.resolve("truncated.db"), java.util.Arrays.copyOf(bytes, 4096 + 100));

        assertThat(SqliteBackups.verify(damaged).ok()).isFalse();
        assertThat(SqliteBackups.verify(truncated).ok()).isFalse();
        assertThatThrownBy(() -> SqliteBackups.restore(damaged, databaseFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not changed");
        assertThat(SqliteBackups.verify(backup).ok()).isTrue();
    }

    @Test
    void sqliteFileThatIsNotSportellos_isRefused() throws Exception {
        var other = dir.resolve("other.db");
        var source = new org.sqlite.SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + other);
        try (var connection = source.getConnection();
                var sql = connection.createStatement()) {
            sql.execute("CREATE TABLE notes (text TEXT)");
        }

        var verification = SqliteBackups.verify(other);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.message()).contains("not Sportello's");
        assertThat(SqliteBackups.verify(dir.resolve("missing.db")).message()).contains("does not exist");
    }

    @Test
    void soundBackup_isDescribed() throws IOException {
        var storage = StorageOnFile.open(databaseFile());
        storage.conversationWith("c1", giulia());
        var backup = dir.resolve("backup.db");
        new SqliteBackups(storage.database()).backupTo(backup);

        var verification = SqliteBackups.verify(backup);

        assertThat(verification.ok()).isTrue();
        assertThat(verification.message()).contains("schema version 7").contains("1 conversations, 1 messages");
        assertThat(Files.exists(Path.of(backup + "-wal"))).isFalse();
        // a plain copy of the live file (WAL mode) is accepted too
        var copy = Files.copy(databaseFile(), dir.resolve("copy.db"));
        assertThat(SqliteBackups.verify(copy).ok()).isTrue();
    }

    @Test
    void backupPath_withQuotesAndSpaces_isSafe() {
        var storage = StorageOnFile.open(databaseFile());
        var file = dir.resolve("it's a \"backup\"; DROP TABLE message; --.db");

        new SqliteBackups(storage.database()).backupTo(file);

        assertThat(SqliteBackups.verify(file).ok()).isTrue();
    }

    @Test
    void existingFile_isNeverOverwritten() throws IOException {
        var storage = StorageOnFile.open(databaseFile());
        var file = Files.writeString(dir.resolve("taken.db"), "keep me");

        assertThatThrownBy(() -> new SqliteBackups(storage.database()).backupTo(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists already");
        assertThat(file).hasContent("keep me");
    }
}
