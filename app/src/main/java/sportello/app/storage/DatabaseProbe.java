package sportello.app.storage;

import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;
import sportello.sqlite.SqliteDatabase;

/** Health of the SQLite file: can we still commit a write? */
public record DatabaseProbe(SqliteDatabase database) implements HealthProbe {

    @Override
    public String name() {
        return "database";
    }

    @Override
    public CheckHealth.Check probe() {
        return database.writeProblem()
                .map(problem -> new CheckHealth.Check(CheckHealth.Status.DOWN, "not writable: " + problem))
                .orElseGet(() -> new CheckHealth.Check(CheckHealth.Status.UP, "writable"));
    }
}
