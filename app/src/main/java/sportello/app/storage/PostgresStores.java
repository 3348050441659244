package sportello.app.storage;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import sportello.domain.profile.ProfileSchema;
import sportello.postgres.PostgresAnalytics;
import sportello.postgres.PostgresConversations;
import sportello.postgres.PostgresCustomerRecords;
import sportello.postgres.PostgresDatabase;
import sportello.postgres.PostgresHealth;
import sportello.postgres.PostgresInbox;
import sportello.postgres.PostgresMediaStore;
import sportello.postgres.PostgresOutbox;
import sportello.postgres.PostgresRetention;
import sportello.postgres.PostgresUsageLog;

/**
 * {@code DATABASE_URL} set: the stores on PostgreSQL, shared by every Sportello instance that points at it. The media
 * folder stays in {@code DATA_DIR/media}, which the instances must share (docs/scaling.md). Backups are the
 * database's own ({@code pg_dump}), so none are taken here.
 */
public final class PostgresStores {

    private PostgresStores() {}

    public static Stores open(String databaseUrl, Path dataDir, ProfileSchema schema, InstantSource clock) {
        var database = PostgresDatabase.migrated(databaseUrl);
        return new Stores(
                "PostgreSQL " + database.where(),
                new PostgresConversations(database, schema),
                new PostgresInbox(database),
                new PostgresOutbox(database),
                new PostgresUsageLog(database),
                new PostgresMediaStore(database, dataDir.resolve("media"), clock),
                new PostgresAnalytics(database),
                new PostgresCustomerRecords(database),
                new PostgresRetention(database),
                Optional.empty(),
                new PostgresHealth(database),
                database::close);
    }
}
