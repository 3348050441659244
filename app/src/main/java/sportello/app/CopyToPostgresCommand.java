package sportello.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import sportello.app.copy.TableCopy;
import sportello.app.storage.SqliteStores;
import sportello.postgres.DatabaseUrl;
import sportello.postgres.PostgresDatabase;
import sportello.sqlite.SqliteDatabase;

/**
 * {@code sportello copy-to-postgres}: moves a business that outgrew one machine from {@code DATA_DIR/sportello.db}
 * to the empty PostgreSQL database of {@code DATABASE_URL}, with everything in it (conversations, inbox, outbox,
 * statuses, analytics, audit). Both are migrated to the current schema first; the copy is one transaction, so a
 * failure leaves PostgreSQL empty. The SQLite file is only read. Stop Sportello first, so nothing arrives meanwhile.
 */
final class CopyToPostgresCommand {

    static final String USAGE = """
            Usage: DATABASE_URL=postgresql://user:password@host:5432/db java -jar sportello.jar copy-to-postgres
              Copies DATA_DIR/sportello.db into that empty PostgreSQL database. Stop Sportello first; afterwards
              start it with DATABASE_URL set (keep DATA_DIR/media: the files stay there).""";

    private CopyToPostgresCommand() {}

    static int run(Config config, PrintStream out, PrintStream err) {
        var database = config.database()
                .orElseThrow(() -> new CommandLineError(
                        "Set DATABASE_URL to the empty PostgreSQL database to copy into.\n" + USAGE));
        var file = config.dataDir().resolve(SqliteStores.FILE);
        if (!Files.isRegularFile(file)) {
            throw new CommandLineError("There is no " + file + " to copy: check DATA_DIR.\n" + USAGE);
        }
        SqliteDatabase.migrated(file).close();
        PostgresDatabase.migrated(database.url()).close();
        var target = DatabaseUrl.parse(database.url());
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1");
                Connection postgres = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            sqlite.setAutoCommit(false); // one read transaction: a consistent snapshot of the file
            var copied = new TableCopy(sqlite, postgres).copyAll();
            long total = copied.values().stream().mapToLong(Long::longValue).sum();
            copied.forEach((table, rows) -> out.printf("  %-22s %,d rows%n", table, rows));
            out.printf(
                    "Copied %,d rows from %s to PostgreSQL %s. Start Sportello with DATABASE_URL set; keep %s.%n",
                    total, file, target.where(), config.dataDir().resolve("media"));
            return 0;
        } catch (SQLException | IllegalStateException e) {
            err.println("Nothing was copied (PostgreSQL is as it was): " + e.getMessage());
            return 1;
        }
    }
}
