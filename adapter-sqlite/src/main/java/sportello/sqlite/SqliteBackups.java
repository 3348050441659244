package sportello.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;
import sportello.ports.out.Backups;
import sportello.ports.out.StorageUnavailable;

/**
 * Backups of the SQLite file. {@link #backupTo} runs while Sportello works: {@code VACUUM INTO} copies one consistent
 * snapshot (a read transaction, so thanks to WAL writers go on meanwhile) into a compact new file. {@link #verify}
 * checks a backup file; {@link #restore} puts one in place of the database while Sportello is stopped.
 */
public final class SqliteBackups implements Backups {

    private static final Logger log = LoggerFactory.getLogger(SqliteBackups.class);

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The files of one database: the file itself and, in WAL mode, its log and shared-memory index. */
    private static final List<String> DATABASE_FILES = List.of("", "-wal", "-shm");

    private final SqliteDatabase database;

    public SqliteBackups(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Writes a consistent copy of the database to {@code file}, creating its directory. The copy is written next to
     * it as {@code <file>.partial} and renamed when complete, so a file with the final name is always whole.
     *
     * @throws IllegalArgumentException if {@code file} exists already
     * @throws StorageUnavailable if the copy cannot be written
     */
    @Override
    public void backupTo(Path file) {
        var target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new IllegalArgumentException("the backup file " + target + " exists already: choose a new name");
        }
        var partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial); // left by a backup that was interrupted
        } catch (IOException e) {
            throw new StorageUnavailable(
                    "could not prepare the backup " + target + ": check that the backup directory is writable", e);
        }
        try {
            // a bound parameter, not a quoted literal: any path is safe
            database.withoutTransaction(
                    "back up the database to " + target,
                    handle -> handle.createUpdate("VACUUM INTO :file")
                            .bind("file", partial.toString())
                            .execute());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            if (e instanceof StorageUnavailable unavailable) {
                throw unavailable;
            }
            throw new StorageUnavailable(
                    "could not write the backup " + target + ": check free space and permissions there", e);
        }
        log.info("backed up {} to {}", database.file(), target);
    }

    /** What {@link #verify} found: {@code ok} and a sentence for the operator either way. */
    public record Verification(boolean ok, String message) {}

    /**
     * Checks that {@code file} is a sound Sportello database: an SQLite file that passes {@code PRAGMA
     * integrity_check} and has Flyway's schema history. Opens it read-only and never changes it.
     */
    public static Verification verify(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Verification(false, file + " does not exist or is not a file");
        }
        try {
            if (!hasSqliteHeader(file)) {
                return new Verification(false, file + " is not an SQLite database");
            }
        } catch (IOException e) {
            return new Verification(false, file + " cannot be read: " + e.getMessage());
        }
        try (var connection = readOnly(file)) {
            var problems = strings(connection, "PRAGMA integrity_check");
            if (!problems.equals(List.of("ok"))) {
                return new Verification(
                        false,
                        file + " is damaged: " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            }
            if (strings(
                            connection,
                            "SELECT name FROM sqlite_master WHERE type = 'table'"
                                    + " AND name = 'flyway_schema_history'")
                    .isEmpty()) {
                return new Verification(
                        false,
                        file + " is an SQLite database but not Sportello's: it has no schema"
                                + " history (flyway_schema_history)");
            }
            var version = strings(
                    connection,
                    "SELECT version FROM flyway_schema_history WHERE success"
                            + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
            if (version.isEmpty()) {
                return new Verification(false, file + " has an empty schema history: it was never migrated");
            }
            return new Verification(
                    true,
                    file + " is a sound Sportello database (schema version " + version.getFirst() + ", "
                            + count(connection, "conversation") + " conversations, " + count(connection, "message")
                            + " messages)");
        } catch (SQLException e) {
            return new Verification(false, file + " cannot be read as a database: " + e.getMessage());
        }
    }

    /**
     * Replaces the database with {@code backup}, for {@code sportello restore FILE}; Sportello must be stopped. The
     * backup is verified first and, if it is not sound, nothing is touched. The current database and its
     * {@code -wal}/{@code -shm} files are kept beside it as {@code <name>.before-restore-<UTC time>} (with the same
     * suffixes, so SQLite can still open them together), then a copy of the backup takes its place.
     *
     * @throws IllegalArgumentException if the backup is not a sound Sportello database, or is the database itself
     * @throws StorageUnavailable if the files cannot be copied or moved (the current database is put back)
     */
    public static void restore(Path backup, Path databaseFile) {
        var verification = verify(backup);
        var target = databaseFile.toAbsolutePath().normalize();
        if (!verification.ok()) {
            throw new IllegalArgumentException(
                    "not restoring: " + verification.message() + ". The database " + target + " was not changed.");
        }
        if (backup.toAbsolutePath().normalize().equals(target)) {
            throw new IllegalArgumentException("not restoring: " + backup + " is the database itself");
        }
        var dir = target.getParent();
        var name = target.getFileName().toString();
        var incoming = dir.resolve(name + ".restoring");
        try {
            Files.createDirectories(dir);
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new StorageUnavailable(
                    "could not copy " + backup + " to " + dir + ": check free space and permissions. The database "
                            + target + " was not changed.",
                    e);
        }
        var stamp = ASIDE_STAMP.format(Instant.now());
        var movedAside = new ArrayList<Path>();
        try {
            for (String suffix : DATABASE_FILES) {
                var current = dir.resolve(name + suffix);
                if (Files.exists(current)) {
                    Files.move(current, dir.resolve(name + ".before-restore-" + stamp + suffix));
                    movedAside.add(current);
                }
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            putBack(movedAside, dir, name, stamp);
            deleteQuietly(incoming);
            throw new StorageUnavailable(
                    "could not put " + backup + " in place of " + target + " (" + e.getMessage()
                            + "); the database was put back as it was",
                    e);
        }
        if (movedAside.isEmpty()) {
            log.info("restored {} from {}", target, backup);
        } else {
            log.info(
                    "restored {} from {}; the database it replaced is {}",
                    target,
                    backup,
                    dir.resolve(name + ".before-restore-" + stamp));
        }
    }

    private static void putBack(List<Path> movedAside, Path dir, String name, String stamp) {
        for (Path original : movedAside.reversed()) {
            var suffix = original.getFileName().toString().substring(name.length());
            try {
                Files.move(dir.resolve(name + ".before-restore-" + stamp + suffix), original);
            } catch (IOException e) {
                log.error("could not move {} back after a failed restore", original, e);
            }
        }
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource.getConnection();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Rows of a table, or "no" if it has none (a file from before the table existed). */
    private static String count(Connection connection, String table) throws SQLException {
        if (strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")
                .isEmpty()) {
            return "no";
        }
        return strings(connection, "SELECT count(*) FROM " + table).getFirst();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }
}
