package sportello.postgres;

import java.util.ArrayList;
import java.util.List;

/** The databases a test opened, each on a fresh database of the shared test server, closed after the test. */
final class TestDatabases implements AutoCloseable {

    private final List<PostgresDatabase> open = new ArrayList<>();
    private final List<String> taken = new ArrayList<>();

    /** An empty, migrated database of its own. */
    synchronized PostgresDatabase fresh() {
        return open(freshUrl());
    }

    /** The URL of an empty, migrated database of its own, for tests that open several instances on it. */
    synchronized String freshUrl() {
        String url = PostgresServer.shared().freshDatabaseUrl();
        taken.add(url);
        return url;
    }

    /** Small pools, so that the tests of every module together stay well under the test server's connections. */
    static final PostgresDatabase.Connections SMALL = new PostgresDatabase.Connections(2, 1, 3);

    /** Another instance on {@code url}, as a second Sportello sharing the database. */
    synchronized PostgresDatabase open(String url) {
        return open(url, SMALL);
    }

    synchronized PostgresDatabase open(String url, PostgresDatabase.Connections connections) {
        var database = PostgresDatabase.migrated(url, connections);
        open.add(database);
        return database;
    }

    @Override
    public synchronized void close() {
        open.forEach(PostgresDatabase::close);
        open.clear();
        taken.forEach(PostgresServer.shared()::release);
        taken.clear();
    }
}
