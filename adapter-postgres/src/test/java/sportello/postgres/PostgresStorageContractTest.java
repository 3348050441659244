package sportello.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.contract.AnalyticsContract;
import sportello.ports.contract.ConversationsContract;
import sportello.ports.contract.CustomerRecordsContract;
import sportello.ports.contract.InboxContract;
import sportello.ports.contract.OutboxContract;
import sportello.ports.contract.RetentionContract;
import sportello.ports.contract.Storage;
import sportello.ports.contract.UsageLogContract;

/** The PostgreSQL storage keeps the same promises as the fake and SQLite, each test on a fresh migrated database. */
class PostgresStorageContractTest {

    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    /** A new database per call: some contract tests start over with a second storage. */
    private Storage freshStorage() {
        var database = databases.fresh();
        return new Storage(
                new PostgresConversations(database, ProfileSchema.standard()),
                new PostgresInbox(database),
                new PostgresOutbox(database),
                new PostgresUsageLog(database),
                new PostgresAnalytics(database),
                new PostgresRetention(database),
                new PostgresCustomerRecords(database));
    }

    @Nested
    class InboxTest extends InboxContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class ConversationsTest extends ConversationsContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class OutboxTest extends OutboxContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class UsageLogTest extends UsageLogContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class AnalyticsTest extends AnalyticsContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class RetentionTest extends RetentionContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }

    @Nested
    class CustomerRecordsTest extends CustomerRecordsContract {
        @Override
        protected Storage createStorage() {
            return freshStorage();
        }
    }
}
