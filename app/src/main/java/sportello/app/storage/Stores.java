package sportello.app.storage;

import java.util.Optional;
import sportello.ports.out.Analytics;
import sportello.ports.out.Backups;
import sportello.ports.out.Conversations;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.HealthProbe;
import sportello.ports.out.Inbox;
import sportello.ports.out.MediaStore;
import sportello.ports.out.Outbox;
import sportello.ports.out.Retention;
import sportello.ports.out.UsageLog;

/**
 * Every store the service uses, from one database: SQLite in {@code DATA_DIR} by default, PostgreSQL when
 * {@code DATABASE_URL} is set. {@code backups} is empty where the database's own tools take them (PostgreSQL).
 * {@link #close} is called once the work has drained.
 */
public record Stores(
        String description,
        Conversations conversations,
        Inbox inbox,
        Outbox outbox,
        UsageLog usageLog,
        MediaStore media,
        Analytics analytics,
        CustomerRecords customerRecords,
        Retention retention,
        Optional<Backups> backups,
        HealthProbe health,
        AutoCloseable closer)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + description + " failed: " + e.getMessage(), e);
        }
    }
}
