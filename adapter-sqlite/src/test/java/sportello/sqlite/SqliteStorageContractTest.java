package sportello.sqlite;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.contract.AnalyticsContract;
import sportello.ports.contract.ConversationsContract;
import sportello.ports.contract.CustomerRecordsContract;
import sportello.ports.contract.InboxContract;
import sportello.ports.contract.OutboxContract;
import sportello.ports.contract.RetentionContract;
import sportello.ports.contract.Storage;
import sportello.ports.contract.UsageLogContract;

/** The SQLite storage keeps the same promises as the fake, each test on a freshly migrated database file. */
class SqliteStorageContractTest {

    private final AtomicInteger databases = new AtomicInteger();

    /** A new file per call: some contract tests start over with a second storage. */
    private Storage freshStorage(Path dir) {
        var database = SqliteDatabase.migrated(dir.resolve("db" + databases.incrementAndGet() + "/sportello.db"));
        return new Storage(
                new SqliteConversations(database, ProfileSchema.standard()),
                new SqliteInbox(database),
                new SqliteOutbox(database),
                new SqliteUsageLog(database),
                new SqliteAnalytics(database),
                new SqliteRetention(database),
                new SqliteCustomerRecords(database));
    }

    @Nested
    class InboxTest extends InboxContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class ConversationsTest extends ConversationsContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class OutboxTest extends OutboxContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class UsageLogTest extends UsageLogContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class AnalyticsTest extends AnalyticsContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class RetentionTest extends RetentionContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }

    @Nested
    class CustomerRecordsTest extends CustomerRecordsContract {
        @TempDir
        Path dir;

        @Override
        protected Storage createStorage() {
            return freshStorage(dir);
        }
    }
}
