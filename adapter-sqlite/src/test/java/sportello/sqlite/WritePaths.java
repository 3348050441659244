package sportello.sqlite;

import java.nio.file.Path;

/** Opens a database with a chosen write path, for benchmarks outside this package that compare the choices. */
public final class WritePaths {

    private WritePaths() {}

    /** See {@link SqliteDatabase.WritePath} for what each switch does; all true is what Sportello runs. */
    public static SqliteDatabase open(
            Path file, boolean buffered, boolean urgentFirst, boolean keepWriterOpen, boolean combineBuffered) {
        return SqliteDatabase.migrated(
                file, new SqliteDatabase.WritePath(buffered, urgentFirst, keepWriterOpen, combineBuffered));
    }
}
