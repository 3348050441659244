package sportello.postgres;

import java.util.Objects;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/** The database's part of {@code /health}: up while a commit reaches the PostgreSQL server. */
public record PostgresHealth(PostgresDatabase database) implements HealthProbe {

    public PostgresHealth {
        Objects.requireNonNull(database, "database");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public CheckHealth.Check probe() {
        return database.isWritable()
                ? new CheckHealth.Check(CheckHealth.Status.UP, "PostgreSQL " + database.where() + " writable")
                : new CheckHealth.Check(
                        CheckHealth.Status.DOWN,
                        "not writable: check that PostgreSQL at " + database.where()
                                + " runs, accepts this host and has free disk space (the log says more)");
    }
}
