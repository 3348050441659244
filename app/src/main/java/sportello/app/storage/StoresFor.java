package sportello.app.storage;

import java.time.InstantSource;
import sportello.app.Config;
import sportello.domain.profile.ProfileSchema;

/** Picks the database from the settings: PostgreSQL when {@code DATABASE_URL} is set, else SQLite in DATA_DIR. */
public final class StoresFor {

    private StoresFor() {}

    public static Stores config(Config config, ProfileSchema schema, InstantSource clock) {
        return config.database()
                .map(database -> PostgresStores.open(database.url(), config.dataDir(), schema, clock))
                .orElseGet(() -> SqliteStores.open(config.dataDir(), schema, clock));
    }
}
