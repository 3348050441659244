package sportello.app.storage;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import sportello.domain.profile.ProfileSchema;
import sportello.sqlite.SqliteAnalytics;
import sportello.sqlite.SqliteBackups;
import sportello.sqlite.SqliteConversations;
import sportello.sqlite.SqliteCustomerRecords;
import sportello.sqlite.SqliteDatabase;
import sportello.sqlite.SqliteInbox;
import sportello.sqlite.SqliteMediaStore;
import sportello.sqlite.SqliteOutbox;
import sportello.sqlite.SqliteRetention;
import sportello.sqlite.SqliteUsageLog;

/** The default: one SQLite file and a media folder in {@code DATA_DIR}, for one running Sportello. */
public final class SqliteStores {

    public static final String FILE = "sportello.db";

    private SqliteStores() {}

    public static Stores open(Path dataDir, ProfileSchema schema, InstantSource clock) {
        var database = SqliteDatabase.migrated(dataDir.resolve(FILE));
        return new Stores(
                "SQLite " + database.file(),
                new SqliteConversations(database, schema),
                new SqliteInbox(database),
                new SqliteOutbox(database),
                new SqliteUsageLog(database),
                new SqliteMediaStore(database, dataDir.resolve("media"), clock),
                new SqliteAnalytics(database),
                new SqliteCustomerRecords(database),
                new SqliteRetention(database),
                Optional.of(new SqliteBackups(database)),
                new DatabaseProbe(database),
                database::close); // after the lanes drained: lets a last group commit finish, refuses later writes
    }
}
