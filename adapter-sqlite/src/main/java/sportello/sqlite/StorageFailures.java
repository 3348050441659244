package sportello.sqlite;

import java.nio.file.Path;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteException;
import sportello.ports.out.StorageUnavailable;

/** Turns a database error into a {@link StorageUnavailable} that tells the operator what to do about it. */
final class StorageFailures {

    /** Locked, read-only, cannot open, disk full, I/O: the machine's state, not the database's content. */
    private static final java.util.Set<Integer> ENVIRONMENT = java.util.Set.of(5, 6, 8, 10, 13, 14);

    private StorageFailures() {}

    static StorageUnavailable translate(String action, Path file, JdbiException e) {
        var sqlite = sqliteCause(e);
        String advice = sqlite.map(s -> advice(s, file))
                .orElse("the database " + file + " could not be reached: check that DATA_DIR is mounted");
        String detail = sqlite.map(Throwable::getMessage).orElse(e.getMessage());
        return new StorageUnavailable("could not " + action + ": " + advice + " (" + detail + ")", e);
    }

    /**
     * A migration that failed: when SQLite says why (read-only, disk full, locked, cannot open), that is what to fix
     * and nothing was changed; otherwise a migration may have stopped halfway, and the backup is the way back.
     */
    static StorageUnavailable migrationFailed(Path file, Exception e) {
        var advice = sqliteCause(e)
                .filter(sqlite -> ENVIRONMENT.contains(sqlite.getResultCode().code & 0xff))
                .map(sqlite -> advice(sqlite, file) + " (" + sqlite.getMessage() + ")")
                .orElse("check that DATA_DIR is writable and has free space; if a migration failed halfway, restore"
                        + " the file from a backup");
        return new StorageUnavailable("could not migrate the database " + file + ": " + advice, e);
    }

    private static String advice(SQLiteException e, Path file) {
        Path dir = file.getParent();
        // extended result codes keep the primary code in the low byte
        return switch (e.getResultCode().code & 0xff) {
            case 5, 6 ->
                "the database is locked by another writer: make sure only one Sportello uses " + dir
                        + ", then try again";
            case 13 -> "the disk is full: free space in DATA_DIR (" + dir + ")";
            case 8 ->
                "the database is read-only: make DATA_DIR (" + dir + ") and its files writable by the user"
                        + " running Sportello";
            case 10, 14 ->
                "the database file " + file + " cannot be opened or written: check that DATA_DIR (" + dir
                        + ") exists, is mounted, is writable and has free space";
            case 11, 26 -> "the database file " + file + " is damaged: stop Sportello and restore it from a backup";
            case 19 -> "the data broke a database rule, which is a bug: please report it";
            default -> "the database refused the operation: check free space and permissions in DATA_DIR (" + dir + ")";
        };
    }

    private static Optional<SQLiteException> sqliteCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return Optional.of(sqlite);
            }
        }
        return Optional.empty();
    }
}
