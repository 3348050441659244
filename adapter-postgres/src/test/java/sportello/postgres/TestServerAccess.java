package sportello.postgres;

/** Lets the benchmarks in {@code sportello.postgres.bench} use the package's test server. */
public final class TestServerAccess {

    private TestServerAccess() {}

    public static Databases databases() {
        return new Databases();
    }

    /** {@link TestDatabases} for another package. */
    public static final class Databases implements AutoCloseable {
        private final TestDatabases databases = new TestDatabases();

        public String freshUrl() {
            return databases.freshUrl();
        }

        public PostgresDatabase open(String url, PostgresDatabase.Connections connections) {
            return databases.open(url, connections);
        }

        @Override
        public void close() {
            databases.close();
        }
    }
}
