package sportello.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, from the binaries installed on the machine: one server per test JVM, started on
 * first use in a temporary directory, listening on 127.0.0.1 only, with fsync on as in production, and stopped (its
 * directory deleted) when the JVM exits. Each {@link #freshDatabaseUrl()} is a migrated database with nothing in it:
 * one a test gave back ({@link #release}), emptied, or else a new copy of a migrated template.
 * Copying a database costs about half a second with fsync on, emptying one a few milliseconds.
 *
 * <p>PostgreSQL refuses to run as root, and the tests run as root on the project's machines: then every server
 * command runs as the {@code postgres} system user ({@code runuser -u postgres --}), which owns the directory.
 * Without the binaries the tests fail, on purpose, with the command that installs them.
 */
public final class PostgresServer {

    static final String USER = "sportello";
    private static final String TEMPLATE = "sportello_template";
    private static final String SYSTEM_USER = "postgres";

    private static PostgresServer shared;

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final boolean asRoot;
    private final Connection admin;
    private final AtomicInteger databases = new AtomicInteger();
    private final Deque<String> released = new ArrayDeque<>(); // guarded by admin

    private PostgresServer(Path binaries, Path directory, int port, boolean asRoot) throws SQLException {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asRoot = asRoot;
        this.admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, null);
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new database with the schema migrated and nothing in it, as a {@code postgresql://} URL. */
    public String freshDatabaseUrl() {
        String reused;
        synchronized (admin) {
            reused = released.pollFirst();
        }
        if (reused != null) {
            empty(reused);
            return url(reused);
        }
        String name = "test_" + databases.incrementAndGet();
        synchronized (admin) {
            try (var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the test database " + name, e);
            }
        }
        return url(name);
    }

    /** Gives back a database from {@link #freshDatabaseUrl()} once no test uses it any more, to be emptied and reused. */
    void release(String url) {
        synchronized (admin) {
            released.addLast(url.substring(url.lastIndexOf('/') + 1));
        }
    }

    /**
     * Deletes the rows of every table but Flyway's history, in one transaction with foreign keys unchecked (the
     * order of tables does not matter then). DELETE, not TRUNCATE: a test leaves a handful of rows, and TRUNCATE
     * makes new files for every table and index, which costs hundreds of milliseconds with fsync on. Ids go on from
     * where they were, which no test can tell from a new database.
     */
    private void empty(String database) {
        try (var connection = DriverManager.getConnection(jdbcUrl(database), USER, null);
                var statement = connection.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs = statement.executeQuery("SELECT quote_ident(tablename) FROM pg_tables"
                    + " WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            for (String table : tables) {
                statement.execute("DELETE FROM " + table);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database " + database, e);
        }
    }

    String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        Path binaries = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("sportello-postgres-");
            Path data = directory.resolve("data");
            if (asRoot) {
                run(List.of("chown", SYSTEM_USER + ":", directory.toString()), false);
            }
            int port = freePort();
            run(
                    List.of(
                            binaries.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "--auth=trust",
                            "-E",
                            "UTF8",
                            "--no-locale",
                            "--no-sync"), // initdb's own files only; the server below syncs every commit
                    asRoot);
            run(
                    List.of(
                            binaries.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-l",
                            directory.resolve("server.log").toString(),
                            "-w",
                            "-o",
                            "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + directory
                                    + " -c fsync=on -c synchronous_commit=on -c max_connections=400"
                                    + " -c shared_buffers=64MB",
                            "start"),
                    asRoot);
            var server = new PostgresServer(binaries, directory, port, asRoot);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
            server.createTemplate();
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the test PostgreSQL from " + binaries, e);
        }
    }

    private void createTemplate() throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + TEMPLATE);
        }
        PostgresDatabase.migrated(url(TEMPLATE), new PostgresDatabase.Connections(1, 1, 1))
                .close();
    }

    private void stop() {
        try {
            admin.close();
            run(
                    List.of(
                            binaries.resolve("pg_ctl").toString(),
                            "-D",
                            directory.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "stop"),
                    asRoot);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + directory + ": " + e);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }

    /** {@code PG_BIN}, or the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout). */
    private static Path binaries() {
        String fromEnv = System.getenv("PG_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path bin = Path.of(fromEnv);
            if (Files.isExecutable(bin.resolve("initdb"))) {
                return bin;
            }
            throw new IllegalStateException("PG_BIN=" + fromEnv + " holds no initdb: point it at PostgreSQL's bin"
                    + " directory, or unset it and install PostgreSQL with `apt-get install postgresql`");
        }
        var found = new ArrayList<Path>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .forEach(found::add);
        } catch (IOException e) {
            // no such directory: reported below
        }
        return found.stream()
                .max(Comparator.comparing(PostgresServer::version))
                .orElseThrow(() -> new IllegalStateException("The PostgreSQL adapter's tests need a real PostgreSQL"
                        + " server and found none (no initdb in PG_BIN or /usr/lib/postgresql/*/bin): install it"
                        + " with `apt-get install postgresql` (Debian/Ubuntu), or set PG_BIN to its bin directory"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command to its end, as the postgres system user when asked; fails with its output. */
    private static void run(List<String> command, boolean asSystemUser) throws IOException {
        var full = new ArrayList<String>();
        if (asSystemUser) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(command);
        var process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IOException("`" + String.join(" ", full) + "` failed (" + process.exitValue() + "):\n" + output);
        }
    }
}
