package sportello.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import sportello.ports.contract.MediaStoreContract;
import sportello.ports.out.MediaStore;

/** The PostgreSQL media store keeps the same promises as the fake, on a fresh database and media directory. */
class PostgresMediaStoreContractTest extends MediaStoreContract {

    @TempDir
    Path dir;

    private final TestDatabases databases = new TestDatabases();
    private MediaStore store;

    @BeforeEach
    void open() {
        store = new PostgresMediaStore(databases.fresh(), dir.resolve("media"), clock);
    }

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Override
    protected MediaStore store() {
        return store;
    }
}
