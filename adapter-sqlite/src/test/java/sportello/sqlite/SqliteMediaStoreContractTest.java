package sportello.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import sportello.ports.contract.MediaStoreContract;
import sportello.ports.out.MediaStore;

/** The SQLite media store keeps the same promises as the fake, on a freshly migrated database and media directory. */
class SqliteMediaStoreContractTest extends MediaStoreContract {

    @TempDir
    Path dir;

    private MediaStore store;

    @BeforeEach
    void open() {
        var database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
        store = new SqliteMediaStore(database, dir.resolve("media"), clock);
    }

    @Override
    protected MediaStore store() {
        return store;
    }
}
