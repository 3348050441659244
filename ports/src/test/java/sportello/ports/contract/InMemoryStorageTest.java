package sportello.ports.contract;

import org.junit.jupiter.api.Nested;
import sportello.ports.fake.InMemoryStorage;

/** The fake storage keeps the same promises as the real one. */
class InMemoryStorageTest {

    @Nested
    class InboxTest extends InboxContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class ConversationsTest extends ConversationsContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class OutboxTest extends OutboxContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class UsageLogTest extends UsageLogContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class AnalyticsTest extends AnalyticsContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class RetentionTest extends RetentionContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }

    @Nested
    class CustomerRecordsTest extends CustomerRecordsContract {
        @Override
        protected Storage createStorage() {
            return Storage.of(new InMemoryStorage());
        }
    }
}
