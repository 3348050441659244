package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.ports.out.StorageUnavailable;

/** How the database file is opened, migrated and checked for health. */
class SqliteDatabaseTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data/sportello.db");
    }

    @Test
    void newDatabase_isCreatedWithItsDirectory_andWritable() {
        var database = SqliteDatabase.migrated(file());

        assertThat(file()).exists();
        assertThat(database.isWritable()).isTrue();
        assertThat(database.isWritable()).isTrue();
    }

    @Test
    void everyConnection_usesWalFullSyncForeignKeysAndABusyTimeout() {
        var database = SqliteDatabase.migrated(file());

        for (var connection : List.of("write", "read")) {
            var pragmas = connection.equals("write")
                    ? database.inWriteTransaction("read pragmas", SqliteDatabaseTest::pragmas)
                    : database.inReadTransaction("read pragmas", SqliteDatabaseTest::pragmas);

            assertThat(pragmas).as(connection).containsExactly("wal", "2", "1", "5000");
        }
    }

    private static List<String> pragmas(org.jdbi.v3.core.Handle handle) {
        return Stream.of("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
                .map(pragma -> handle.createQuery("PRAGMA " + pragma)
                        .mapTo(String.class)
                        .one())
                .toList();
    }

    @Test
    void migrationBlockedByAnotherProgramsLock_saysSo_withoutSendingTheOperatorToTheBackups() throws Exception {
        Files.createDirectories(file().getParent());
        try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
                var statement = other.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> SqliteDatabase.migrated(file()))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("could not migrate the database")
                    .hasMessageContaining("locked by another writer")
                    .hasMessageNotContaining("backup");
        }
    }

    @Test
    void secondStart_appliesNoMigrationAgain_andKeepsTheData() {
        var first = StorageOnFile.open(file());
        first.inbox().store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of());

        var second = StorageOnFile.open(file());

        int applied = second.database()
                .inReadTransaction(
                        "read the schema history",
                        handle -> handle.createQuery(
                                        "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")
                                .mapTo(Integer.class)
                                .one());
        assertThat(applied).isEqualTo(1);
        assertThat(second.inbox().pending(10)).hasSize(1);
    }

    @Test
    void foreignKeys_areEnforced() {
        var database = SqliteDatabase.migrated(file());

        assertThatThrownBy(() -> database.useWriteTransaction(
                        "insert an orphan message",
                        handle -> handle.execute("INSERT INTO message (id, conversation_id, direction, author, kind,"
                                + " text, at, delivery_state) VALUES ('m1', 'nope', 'IN', 'CUSTOMER', 'TEXT', '',"
                                + " '2026-11-25T09:00:00.000000000Z', 'DELIVERED')")))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void vanishedDataDirectory_isNotWritable_andStoringSaysWhatToDo() throws IOException {
        var storage = StorageOnFile.open(file());
        deleteRecursively(file().getParent()); // e.g. the volume was unmounted

        assertThat(storage.database().isWritable()).isFalse();
        assertThat(storage.database().writeProblem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("DATA_DIR"));
        assertThatThrownBy(() -> storage.inbox()
                        .store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of()))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("could not store the delivery")
                .hasMessageContaining("check that DATA_DIR (" + file().getParent() + ") exists, is mounted");
    }

    @Test
    void readOnlyDatabaseFile_isNotWritable_andStoringSaysWhatToDo() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write read-only files");
        var storage = StorageOnFile.open(file());
        try (var files = Files.list(file().getParent())) {
            for (Path f : files.toList()) {
                f.toFile().setReadOnly();
            }
        }
        file().getParent().toFile().setReadOnly();

        try {
            assertThat(storage.database().isWritable()).isFalse();
            assertThatThrownBy(() -> storage.inbox()
                            .store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of()))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("DATA_DIR");
        } finally {
            file().getParent().toFile().setWritable(true);
        }
    }

    @Test
    void dataDirectoryThatIsAFile_failsToOpen_withTheDirectoryInTheMessage() throws IOException {
        Files.writeString(dir.resolve("data"), "not a directory");

        assertThatThrownBy(() -> SqliteDatabase.migrated(file()))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining(dir.resolve("data").toString())
                .hasMessageContaining("DATA_DIR");
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
